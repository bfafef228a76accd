/// The feature's one script (the console allows scripts from itself only): the check-in screen
/// reloads when its code changes, 打印 prints, and forms marked `data-confirm` ask first.
/// Every page works without it.
enum VolunteersScript {
    static let source = """
    (function () {
      var screen = document.getElementById('check-in-screen');
      if (screen) {
        var wait = Number(screen.getAttribute('data-refresh')) || 30;
        setTimeout(function () { location.reload(); }, wait * 1000);
      }
      document.querySelectorAll('[data-print]').forEach(function (b) {
        b.addEventListener('click', function () { window.print(); });
      });
      document.querySelectorAll('form[data-confirm]').forEach(function (f) {
        f.addEventListener('submit', function (e) {
          if (!window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); }
        });
      });
    })();
    """
}
