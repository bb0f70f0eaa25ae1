// Full-text search over the Pagefind index built into <site>/pagefind/<shard>/.
(function () {
  "use strict";
  var form = document.getElementById("search");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var base = new URL(form.dataset.base, location.href);
  var pagefind = null;
  var loading = null;
  var EMPTY = {};
  var timer = null;
  var params = new URLSearchParams(location.search);
  var decoder = document.createElement("textarea");
  var PAGE = 20;
  var results = [];
  var shown = 0;
  var runs = 0; // only the latest search may write its results
  var more = document.getElementById("search-more");

  form.q.value = params.get("q") || "";
  ["section", "author", "year"].forEach(function (name) {
    if (params.get(name)) form[name].value = params.get(name);
  });

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  // Pagefind's excerpt is escaped text with <mark> around the hits.
  function excerpt(html) {
    var p = el("p", "summary");
    html.split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
      var hit = part.match(/^<mark>(.*)<\/mark>$/);
      decoder.innerHTML = hit ? hit[1] : part; // a textarea: entities decoded, no tags made
      var text = decoder.value;
      p.appendChild(hit ? el("mark", "", text) : document.createTextNode(text));
    });
    return p;
  }

  function render(data) {
    var li = el("li");
    var filters = data.filters || {};
    li.appendChild(el("p", "kicker", (filters.section || []).join(", ")));
    var h = el("h2");
    var a = el("a", "", data.meta.title);
    a.href = data.url;
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(excerpt(data.excerpt || ""));
    var meta = [data.meta.date || ""];
    if (filters.author) meta.push("By " + filters.author.join(", "));
    li.appendChild(el("p", "", meta.join(" · ")));
    return li;
  }

  // The index comes in shards (pagefind/shards.json): the first is loaded,
  // the others merged into it.
  async function load() {
    var root = new URL("pagefind/", base);
    var listing = await fetch(new URL("shards.json", root));
    if (!listing.ok) throw new Error("no shards.json");
    var shards = (await listing.json()).shards;
    if (!shards.length) return EMPTY;
    var module = await import(new URL(shards[0] + "/pagefind.js", root).href);
    await module.options({ baseUrl: base.pathname });
    await Promise.all(shards.slice(1).map(function (name) {
      return module.mergeIndex(new URL(name + "/", root).pathname, { baseUrl: base.pathname });
    }));
    return module;
  }

  async function run() {
    var token = ++runs;
    var q = form.q.value.trim();
    var filters = {};
    var state = new URLSearchParams();
    if (q) state.set("q", q);
    ["section", "author", "year"].forEach(function (name) {
      if (form[name].value) {
        filters[name] = form[name].value;
        state.set(name, form[name].value);
      }
    });
    history.replaceState(null, "", state.toString() ? "?" + state : location.pathname);
    if (!q && !Object.keys(filters).length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    if (!pagefind) {
      try {
        pagefind = await (loading = loading || load());
      } catch (e) {
        loading = null;
        status.textContent = "Search is not available: the search index is missing.";
        return;
      }
      if (token !== runs) return;
      if (pagefind === EMPTY) {
        status.textContent = "There are no articles to search yet.";
        return;
      }
    }
    status.textContent = "Searching…";
    var search = await pagefind.search(q || null, { filters: filters });
    if (token !== runs) return;
    results = search.results;
    shown = 0;
    list.replaceChildren();
    var n = results.length;
    status.textContent = n === 0 ? "No articles found." : n + (n === 1 ? " article found." : " articles found.");
    await showMore(token);
  }

  async function showMore(token) {
    var batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    var data = await Promise.all(batch.map(function (r) { return r.data(); }));
    if (token !== runs) return;
    list.append.apply(list, data.map(render));
    more.hidden = shown >= results.length;
  }

  more.addEventListener("click", function () {
    var first = shown;
    showMore(runs).then(function () {
      var next = list.children[first];
      if (next) next.querySelector("a").focus();
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  form.q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT") run();
  });
  run();
})();
