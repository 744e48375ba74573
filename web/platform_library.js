// Browser services for the Pairwise app, linked with --js-library. The C++ side reaches them only
// through src/platform/browser.hpp.
var PairwisePlatform = {
  $PW: { frameCallback: 0, scheduled: false, framesDrawn: 0 },

  // Frames are drawn only on request (input, resize, async results), so an idle tab uses no CPU.
  pw_set_frame_callback: function (callback) { PW.frameCallback = callback; },
  pw_request_frame: function () {
    if (PW.scheduled || !PW.frameCallback) return;
    PW.scheduled = true;
    requestAnimationFrame(function () {
      PW.scheduled = false;
      PW.framesDrawn++;
      Module.pairwiseFramesDrawn = PW.framesDrawn;
      {{{ makeDynCall('v', 'PW.frameCallback') }}}();
    });
  },
  pw_device_pixel_ratio: function () { return window.devicePixelRatio || 1; },
  pw_watch_pixel_ratio: function () {
    // A change of zoom or of screen changes the pixel ratio without a resize event.
    var watch = function () {
      var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      query.addEventListener('change', function () { _pw_request_frame(); watch(); }, { once: true });
    };
    watch();
  },
  pw_signal_ready: function () {
    Module.pairwiseStarted = true;
    if (Module.pairwiseReady) Module.pairwiseReady();
  },
};
autoAddDeps(PairwisePlatform, '$PW');
PairwisePlatform.pw_watch_pixel_ratio__deps = ['pw_request_frame'];
mergeInto(LibraryManager.library, PairwisePlatform);
