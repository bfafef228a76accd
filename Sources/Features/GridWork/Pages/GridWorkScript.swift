/// The feature's one script (the console allows scripts from itself only). A visit form keeps
/// what was typed in this phone's storage, with its idempotency key: when a weak signal makes a
/// submit fail, the form comes back filled in and sending it again records the visit once. The
/// visit's own page clears the draft, and one older than 12 hours is dropped. A 附上位置 button
/// puts the phone's position into the form's lat/long, so a problem is placed where it was
/// found. Every page works without it.
enum GridWorkScript {
    static let source = """
    (function () {
      var button = document.querySelector('[data-locate]');
      if (!button || !navigator.geolocation) { return; }
      button.hidden = false;
      button.addEventListener('click', function () {
        var form = button.form;
        button.textContent = '正在获取位置…';
        navigator.geolocation.getCurrentPosition(function (p) {
          form.elements.lat.value = p.coords.latitude.toFixed(6);
          form.elements.long.value = p.coords.longitude.toFixed(6);
          button.textContent = '已附上位置';
        }, function () { button.textContent = '未能获取位置（可选择楼栋）'; }, { enableHighAccuracy: true, timeout: 15000 });
      });
    })();
    (function () {
      var store = window.localStorage;
      var cleared = document.querySelector('[data-clear-draft]');
      if (cleared && store) { store.removeItem('linli.' + cleared.getAttribute('data-clear-draft')); }
      var form = document.querySelector('form[data-draft]');
      if (!form || !store) { return; }
      var key = 'linli.' + form.getAttribute('data-draft');
      var fresh = !document.getElementById('visit-error');
      var saved = null;
      try { saved = JSON.parse(store.getItem(key) || 'null'); } catch (e) { saved = null; }
      // A draft from another day is a form that was sent and answered, or given up: not this visit's.
      if (saved && !(saved._savedAt > Date.now() - 12 * 3600 * 1000)) { store.removeItem(key); saved = null; }
      if (saved && fresh) {
        Array.prototype.forEach.call(form.elements, function (el) {
          if (!el.name || el.type === 'file' || el.name === '_csrf' || !(el.name in saved)) { return; }
          if (el.type === 'radio') { el.checked = saved[el.name] === el.value; } else { el.value = saved[el.name]; }
        });
      }
      function save() {
        var data = { _savedAt: Date.now() };
        Array.prototype.forEach.call(form.elements, function (el) {
          if (!el.name || el.type === 'file' || el.name === '_csrf') { return; }
          if (el.type === 'radio') { if (el.checked) { data[el.name] = el.value; } } else { data[el.name] = el.value; }
        });
        try { store.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full: the form still works */ }
      }
      form.addEventListener('input', save);
      form.addEventListener('change', save);
      form.addEventListener('submit', save);
    })();
    """
}
