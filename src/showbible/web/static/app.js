// showbible web: small progressive enhancements. Pages work without it.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // The "watched up to" select applies itself (the Set button is for browsers without JS).
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit")) {
      target.form.submit();
    }
  });
})();
