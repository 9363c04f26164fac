// Draws every element with data-spec from the JSON in the <script type="application/json"> it names.
// vegaEmbed comes from the bundle inlined before this script: nothing is fetched.
document.querySelectorAll("[data-spec]").forEach(function (el) {
  var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
  window.vegaEmbed(el, spec, { renderer: "svg", actions: false, loader: { target: "_self" } })
    .then(function () { el.dataset.rendered = "svg"; })
    .catch(function (error) { el.dataset.rendered = "error"; el.textContent = "chart failed: " + error; });
});
