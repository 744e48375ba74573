// Registers the service worker that keeps the app usable offline (service_worker.js). Separate from
// loader.js so a browser without service workers, or a page where they are refused (private modes,
// file://), starts exactly as before; the reason is logged, never shown as a failure.
'use strict';
(function () {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('service_worker.js').then(
      (registration) => { window.pairwiseServiceWorker = registration; },
      (error) => { console.info('Pairwise works online only here: ' + error); });
  });
})();
