package server

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"industrytargets/internal/model"
)

// TestConcurrentEditsLoseNothing sends 1,000 edits of one enterprise at
// once, all read at the same version: exactly one is saved, every other is
// answered 409, and the stored record is the winner's.
func TestConcurrentEditsLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 concurrent requests")
	}
	t.Parallel()
	srv, st := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	id := entCreate(t, c, srv.URL, goodForm())
	const n = 1000
	statuses := make([]int, n)
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			form := goodForm()
			form.Set("name", "Tên sửa lần "+strconv.Itoa(i))
			form.Set("version", "1")
			<-gate
			resp, err := c.PostForm(srv.URL+"/enterprises/"+strconv.FormatInt(id, 10), form)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		})
	}
	close(gate)
	wg.Wait()
	won, lost, winner := 0, 0, -1
	for i, s := range statuses {
		switch s {
		case http.StatusSeeOther:
			won, winner = won+1, i
		case http.StatusConflict:
			lost++
		default:
			t.Errorf("edit %d answered %d, want 303 or 409", i, s)
		}
	}
	e, err := st.Enterprise(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if won != 1 || lost != n-1 || e.Version != 2 || e.Name != "Tên sửa lần "+strconv.Itoa(winner) {
		t.Errorf("%d saved, %d refused; stored version %d name %q; want 1 saved, %d refused, version 2, the winner's name",
			won, lost, e.Version, e.Name, n-1)
	}
}
