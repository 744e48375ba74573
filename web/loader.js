// Loads app.wasm with visible progress and turns every way of failing into a readable message.
'use strict';
(function () {
  const loading = document.getElementById('loading');
  const loadingText = document.getElementById('loading-text');
  const progress = document.getElementById('loading-progress');
  const failure = document.getElementById('failure');
  const canvas = document.getElementById('canvas');
  let failed = false;
  // Right-click belongs to the app (context menus), not the browser's menu. Here rather than as an
  // inline handler, which the page's Content-Security-Policy refuses.
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  // A phone's on-screen keyboard shrinks only the visual viewport: the canvas is fitted to what the
  // keyboard leaves (SDL follows the canvas on 'resize'), and the app scrolls the field being typed
  // in back into view (src/app/semantics.cpp), so the keyboard never covers it.
  if (window.visualViewport) {
    const fitToVisibleArea = () => {
      const height = Math.round(window.visualViewport.height);
      const wanted = height < window.innerHeight ? height + 'px' : '';
      if (canvas.style.height === wanted) return;
      canvas.style.height = wanted;
      window.dispatchEvent(new Event('resize'));
    };
    window.visualViewport.addEventListener('resize', fitToVisibleArea);
  }

  function fail(message) {
    if (failed) return;
    failed = true;
    loading.hidden = true;
    failure.hidden = false;
    document.getElementById('failure-text').textContent = message;
    console.warn('Pairwise could not start: ' + message);
  }
  window.pairwiseFail = fail;

  function webgl2Available() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }
  if (typeof WebAssembly !== 'object') {
    fail('This browser does not run WebAssembly, which Pairwise needs.');
    return;
  }
  if (typeof WebAssembly.Tag !== 'function' && typeof WebAssembly.Exception !== 'function') {
    fail('This browser is too old: it lacks WebAssembly exception handling, which Pairwise needs.');
    return;
  }
  // The smallest module using a 128-bit SIMD instruction (the app is built with -msimd128 for the
  // matching kernel): Safari before 16.4 refuses it.
  const simdProbe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0,
    65, 0, 253, 15, 253, 98, 11]);
  if (!WebAssembly.validate(simdProbe)) {
    fail('This browser is too old: it lacks WebAssembly SIMD, which Pairwise needs (Safari 16.4 or later, a recent Chrome, Edge or Firefox).');
    return;
  }
  if (!webgl2Available()) {
    fail('WebGL 2 is not available (it may be turned off, or the graphics driver is blocked).');
    return;
  }

  function setProgress(fraction, text) {
    progress.value = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    if (text) loadingText.textContent = text;
  }

  async function fetchWithProgress(url, onFraction) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onFraction(received / total);
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
    return bytes;
  }

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    // The runtime reports the font package download through setStatus ("Downloading data... (a/b)").
    setStatus: (text) => {
      const m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
      if (m) setProgress(0.8 + 0.2 * (Number(m[1]) / Number(m[2])), 'Loading fonts…');
    },
    instantiateWasm(imports, successCallback) {
      fetchWithProgress('app.wasm', (f) => setProgress(0.8 * f, 'Loading the workspace… ' + Math.round(f * 100) + '%'))
        .then((bytes) => WebAssembly.instantiate(bytes, imports))
        .then((result) => successCallback(result.instance, result.module))
        .catch((e) => fail('The application files could not be loaded (' + e.message + '). Check the connection and reload.'));
      return {};
    },
    onAbort: (what) => fail('The application stopped unexpectedly (' + what + '). Reload the page; your stored data is safe.'),
    // Called by the app once its first frame is on screen.
    pairwiseReady: () => { setProgress(1); loading.hidden = true; canvas.focus(); },
  };

  window.addEventListener('error', (event) => {
    if (!window.Module.pairwiseStarted) fail('A script error stopped the start-up: ' + event.message);
  });

  const script = document.createElement('script');
  script.src = 'app.js';
  script.onerror = () => fail('app.js could not be loaded. Check the connection and reload.');
  document.body.appendChild(script);
})();
