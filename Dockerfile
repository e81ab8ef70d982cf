# Build the binary in one stage, run it as a non-root user in a small image.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -buildvcs=false -o /out/industrytargets ./cmd/industrytargets

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/industrytargets /usr/local/bin/industrytargets
USER nonroot:nonroot
EXPOSE 8080
ENV ADDR=:8080
ENTRYPOINT ["/usr/local/bin/industrytargets"]
CMD ["serve"]
