// Progressive enhancement of a batch's progress page. Without JavaScript the page reloads
// itself (the route's Refresh header) until the job has read every file. With it, this
// script stops that reload once the page has loaded (window.stop() cancels a pending
// Refresh in the browsers we support), asks the progress endpoint named by the status
// line's data-progress every few seconds and updates the line and the bar in place; when
// the batch is finished it fetches the page once and swaps in its main content (the
// results), still without a reload. Any failure leaves the page as it was, so it falls back
// to an ordinary reload.
export const PROGRESS_SCRIPT = `(function () {
  var line = document.getElementById('batch-progress');
  var bar = document.getElementById('batch-progress-bar');
  var source = line && line.getAttribute('data-progress');
  if (!line || !source || !window.fetch || !window.DOMParser) return;
  var every = 2000;
  function fallback() {
    window.location.reload();
  }
  function swapResults() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) {
        return res.ok ? res.text() : null;
      })
      .then(function (html) {
        if (html === null) return fallback();
        var next = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
        var main = document.querySelector('main');
        if (!next || !main) return fallback();
        main.innerHTML = next.innerHTML;
      })
      .catch(fallback);
  }
  function poll() {
    fetch(source, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (p) {
        if (!p) return fallback();
        line.textContent = p.text;
        if (bar) {
          bar.max = p.total;
          bar.value = p.done;
          bar.textContent = p.done + ' / ' + p.total;
        }
        if (p.finished) swapResults();
        else setTimeout(poll, every);
      })
      .catch(fallback);
  }
  window.addEventListener('load', function () {
    window.stop();
    setTimeout(poll, every);
  });
})();
`;
