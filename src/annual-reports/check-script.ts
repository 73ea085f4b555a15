// Progressive enhancement of the report editor: while the office types, the draft is
// checked on the server (nothing is saved) and the findings list is replaced. Without
// JavaScript the same checks run on every save.
export const CHECK_SCRIPT = `(function () {
  var form = document.querySelector('form[aria-label="编辑年度报告"]');
  var target = document.getElementById('findings');
  if (!form || !target || !window.fetch || !window.FormData) return;
  var timer = null;
  var seq = 0;
  function check() {
    var mine = ++seq;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute('action') + '/check', {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
    })
      .then(function (res) {
        return res.ok ? res.text() : null;
      })
      .then(function (html) {
        if (html !== null && mine === seq) target.innerHTML = html;
      })
      .catch(function () {});
  }
  form.addEventListener('input', function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, 500);
  });
})();
`;
