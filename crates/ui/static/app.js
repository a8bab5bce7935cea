// Pelagic's pages work without this file. With it, they are quicker: lists, their pages and
// in-place edits update the page's content without reloading it, a warning shows while typing a
// customer someone already entered, a search box helps choose a linked record among many,
// bulk-action forms show only what the chosen action needs, select options are reordered by
// dragging, and deals move between the pipeline's stages by dragging their cards.
// Everything it shows comes from data attributes the server wrote in the reader's language.
(() => {
  "use strict";

  const debounce = (run, ms) => {
    let timer;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(run, ms);
    };
  };

  const getJson = async (url) => {
    const reply = await fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } });
    return reply.ok ? reply.json() : null;
  };

  // Partial page updates: forms and links marked `data-partial` fetch the next page and swap
  // the main content (and the address), falling back to a normal load on anything unexpected.
  const main = () => document.getElementById("main");
  const swap = async (url, init) => {
    try {
      const reply = await fetch(url, { credentials: "same-origin", ...init });
      const type = reply.headers.get("content-type") || "";
      if (!reply.ok && reply.status !== 422 && reply.status !== 409) throw new Error(String(reply.status));
      if (!type.startsWith("text/html")) throw new Error(type);
      const next = new DOMParser().parseFromString(await reply.text(), "text/html");
      const content = next.getElementById("main");
      if (!content) throw new Error("no main");
      main().replaceWith(content);
      document.title = next.title;
      if (reply.url !== location.href) history.pushState({ partial: true }, "", reply.url);
      enhance(content);
      return true;
    } catch {
      return false;
    }
  };
  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-partial")) return;
    event.preventDefault();
    const data = new FormData(form, event.submitter);
    const get = form.method.toLowerCase() === "get";
    const url = get ? `${form.action.split("?")[0]}?${new URLSearchParams(data)}` : form.action;
    const init = get ? {} : { method: "POST", body: new URLSearchParams(data) };
    if (!(await swap(url, init))) {
      if (get) location.href = url;
      else form.submit();
    }
  });
  document.addEventListener("click", async (event) => {
    const link = event.target.closest && event.target.closest("a[data-partial]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (!(await swap(link.href, {}))) location.href = link.href;
  });
  addEventListener("popstate", () => location.reload());

  const enhance = (root) => {
  // A condition's value box offers the labels of the field chosen beside it, when it is a choice.
  for (const value of root.querySelectorAll("input[data-value-of]")) {
    const field = document.getElementById(value.dataset.valueOf);
    if (!field) continue;
    const offer = () => {
      const options = document.getElementById(`options-${field.value}`);
      value.setAttribute("list", options ? options.id : "periods");
    };
    field.addEventListener("change", offer);
    offer();
  }
  // Duplicate warning while typing a company name, phone or email.
  for (const input of root.querySelectorAll("input[data-dup-object]")) {
    const note = document.createElement("p");
    note.className = "dup-warning";
    note.setAttribute("role", "status");
    note.hidden = true;
    input.closest(".field").append(note);
    let asked = "";
    const check = debounce(async () => {
      const value = input.value.trim();
      if (value.length < 2) {
        note.hidden = true;
        return;
      }
      if (value === asked) return;
      asked = value;
      const query = new URLSearchParams({ object: input.dataset.dupObject, [input.name]: value });
      if (input.dataset.dupExclude) query.set("exclude_id", input.dataset.dupExclude);
      const found = await getJson(`/api/v1/duplicates/check?${query}`);
      const first = found && found.data && found.data[0];
      if (!first || input.value.trim() !== value) {
        note.hidden = !first;
        return;
      }
      const owner = (first.owner && first.owner.name) || "?";
      note.textContent = `${input.dataset.dupMessage.replace("{owner}", owner)} `;
      const link = document.createElement("a");
      link.href = `/o/${encodeURIComponent(first.object)}/${encodeURIComponent(first.existing_id)}`;
      link.textContent = input.dataset.dupOpen;
      note.append(link);
      note.hidden = false;
    }, 350);
    input.addEventListener("input", check);
  }

  // Type-ahead for linked records: the select keeps working, a search box above it refills it.
  for (const select of root.querySelectorAll("select[data-lookup]")) {
    const search = document.createElement("input");
    search.type = "search";
    search.className = "lookup-search";
    search.placeholder = select.dataset.searchLabel;
    search.setAttribute("aria-label", `${select.dataset.searchLabel}: ${select.labels[0] ? select.labels[0].textContent : ""}`);
    search.setAttribute("aria-controls", select.id);
    select.before(search);
    const refill = debounce(async () => {
      const query = new URLSearchParams({ limit: "20" });
      const text = search.value.trim();
      if (text) query.set("q", text);
      const found = await getJson(`/api/v1/records/${encodeURIComponent(select.dataset.lookup)}?${query}`);
      if (!found || !Array.isArray(found.data)) return;
      const keep = select.value;
      for (const option of [...select.options]) {
        if (option.value && option.value !== keep) option.remove();
      }
      for (const row of found.data) {
        if (row.id === keep) continue;
        select.add(new Option(row[select.dataset.titleField] || row.id, row.id));
      }
      if (!keep && found.data.length === 1) select.value = found.data[0].id;
    }, 250);
    search.addEventListener("input", refill);
  }

  // Bulk actions: show only the inputs the chosen action uses.
  const action = root.querySelector("#bulk-action");
  if (action) {
    const show = () => {
      for (const el of root.querySelectorAll("[data-bulk]")) {
        el.hidden = el.dataset.bulk !== action.value;
      }
    };
    action.addEventListener("change", show);
    show();
  }

  // Select options: drag a row to reorder; the order inputs follow, and still work by hand.
  for (const body of root.querySelectorAll("tbody[data-sortable]")) {
    let dragged = null;
    for (const row of body.rows) {
      row.draggable = true;
      row.addEventListener("dragstart", () => { dragged = row; row.classList.add("dragging"); });
      row.addEventListener("dragend", () => { row.classList.remove("dragging"); dragged = null; });
      row.addEventListener("dragover", (event) => {
        event.preventDefault();
        if (!dragged || dragged === row) return;
        const after = event.clientY > row.getBoundingClientRect().top + row.offsetHeight / 2;
        row.parentNode.insertBefore(dragged, after ? row.nextSibling : row);
        [...body.rows].forEach((r, i) => {
          const position = r.querySelector("input[name^='pos.']");
          if (position) position.value = String(i + 1);
        });
      });
    }
  }

  // The pipeline: drop a card on another stage to move the deal there. A stage that asks for
  // feedback (or a refused move) opens the move page, which asks for it.
  for (const board of root.querySelectorAll("[data-board]")) {
    let dragged = null;
    for (const card of board.querySelectorAll(".deal")) {
      card.addEventListener("dragstart", (event) => {
        dragged = card;
        card.classList.add("dragging");
        event.dataTransfer.setData("text/plain", card.dataset.id);
      });
      card.addEventListener("dragend", () => { card.classList.remove("dragging"); dragged = null; });
    }
    for (const lane of board.querySelectorAll(".lane")) {
      lane.addEventListener("dragover", (event) => { event.preventDefault(); lane.classList.add("over"); });
      lane.addEventListener("dragleave", () => lane.classList.remove("over"));
      lane.addEventListener("drop", async (event) => {
        event.preventDefault();
        lane.classList.remove("over");
        const card = dragged;
        if (!card || card.closest(".lane") === lane) return;
        const id = card.dataset.id;
        const stage = lane.dataset.stage;
        lane.querySelector("ul").prepend(card);
        const body = new URLSearchParams({ _csrf: board.dataset.csrf, stage });
        const reply = await fetch(`/pipeline/${id}/move`, { method: "POST", body, credentials: "same-origin" });
        if (reply.ok && reply.redirected) {
          window.location.reload();
        } else {
          window.location.href = `/pipeline/${id}/move?stage=${encodeURIComponent(stage)}`;
        }
      });
    }
  }
  };
  enhance(document);
})();
