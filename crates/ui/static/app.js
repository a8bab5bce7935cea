// Pelagic's pages work without this file. With it, forms are quicker: a warning while typing a
// customer someone already entered, a search box for choosing a linked record among many, and
// bulk-action forms that show only what the chosen action needs.
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

  // Duplicate warning while typing a company name, phone or email.
  for (const input of document.querySelectorAll("input[data-dup-object]")) {
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
  for (const select of document.querySelectorAll("select[data-lookup]")) {
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
  const action = document.getElementById("bulk-action");
  if (action) {
    const show = () => {
      for (const el of document.querySelectorAll("[data-bulk]")) {
        el.hidden = el.dataset.bulk !== action.value;
      }
    };
    action.addEventListener("change", show);
    show();
  }
})();
