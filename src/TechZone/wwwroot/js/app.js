// TechZone page helpers: sign-out through the antiforgery-protected form, and sign-out after idle time.
(function () {
  function logoutForm() { return document.getElementById('logout-form'); }

  function signOut(reason) {
    var form = logoutForm();
    if (!form) return;
    form.querySelector('input[name=reason]').value = reason || '';
    form.submit();
  }

  var lastActivity = Date.now();
  var lastPing = Date.now();
  ['mousemove', 'mousedown', 'keydown', 'scroll', 'touchstart', 'wheel'].forEach(function (type) {
    window.addEventListener(type, function () { lastActivity = Date.now(); }, { passive: true, capture: true });
  });

  function check() {
    var form = logoutForm();
    if (!form) return;
    var idleMs = (parseFloat(form.dataset.idleMinutes) || 30) * 60 * 1000;
    var now = Date.now();
    if (now - lastActivity >= idleMs) { signOut('idle'); return; }
    // While the user works inside the live page no HTTP request refreshes the sliding cookie: ping it.
    if (lastActivity > lastPing && now - lastPing > Math.min(idleMs / 3, 5 * 60 * 1000)) {
      lastPing = now;
      fetch('/account/keepalive', { credentials: 'same-origin' }).catch(function () { });
    }
  }
  // Checked often enough for short idle times too (they are configuration: Auth:IdleTimeoutMinutes).
  setInterval(check, 5000);

  window.techzone = { signOut: signOut };
})();
