/// The feature's one script (the console allows scripts from itself only): forms marked
/// `data-confirm` ask first — spending points, cancelling, reversing. Every page works without it.
enum PointsScript {
    static let source = """
    (function () {
      document.querySelectorAll('form[data-confirm]').forEach(function (f) {
        f.addEventListener('submit', function (e) {
          if (!window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); }
        });
      });
    })();
    """
}
