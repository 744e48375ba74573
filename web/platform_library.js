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
  // Wakes the loop later, e.g. to save a draft after a pause in typing.
  pw_request_frame_after: function (milliseconds) {
    if (PW.timer) clearTimeout(PW.timer);
    PW.timer = setTimeout(function () { PW.timer = 0; _pw_request_frame(); }, milliseconds);
  },
  pw_now_ms: function () { return performance.now(); },
  pw_device_pixel_ratio: function () { return window.devicePixelRatio || 1; },
  // The zone list and each zone's offset today, as "name\tminutes" lines in a malloc'd string.
  pw_time_zones_now: function () {
    var names = (Intl.supportedValuesOf && Intl.supportedValuesOf('timeZone')) || [];
    var now = new Date();
    var lines = [];
    names.forEach(function (name) {
      try {
        var parts = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' }).formatToParts(now);
        var label = (parts.find(function (p) { return p.type === 'timeZoneName'; }) || {}).value || 'GMT';
        var m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(label);
        var minutes = m ? (m[1] === '-' ? -1 : 1) * (parseInt(m[2], 10) * 60 + parseInt(m[3] || '0', 10)) : 0;
        lines.push(name + '\t' + minutes);
      } catch (e) { /* a zone this browser cannot format is left out */ }
    });
    var text = lines.join('\n');
    var size = Module.lengthBytesUTF8(text) + 1;
    var ptr = Module._malloc(size);
    Module.stringToUTF8(text, ptr, size);
    return ptr;
  },
  // The zone's offset from UTC, in minutes east, at a wall-clock time on a date there (daylight
  // saving included), from the browser's own zone rules; 100000 when the zone or date is unknown.
  pw_utc_offset_on: function (zonePtr, year, month, day, minutes) {
    try {
      var format = new Intl.DateTimeFormat('en-US', { timeZone: UTF8ToString(zonePtr), hourCycle: 'h23',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
      var offsetAt = function (instant) {
        var p = {};
        format.formatToParts(new Date(instant)).forEach(function (part) { p[part.type] = parseInt(part.value, 10); });
        return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute) - instant) / 60000);
      };
      var wall = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
      // The instant whose wall time is `wall`: guess with the offset there, then correct once (a
      // time inside a spring-forward gap takes the offset after the change).
      var guess = offsetAt(wall);
      var offset = offsetAt(wall - guess * 60000);
      return isFinite(offset) ? offset : 100000;
    } catch (e) { return 100000; }
  },
  // A file next to the app on its own site (fonts fetched on demand), handed to C++ as bytes.
  pw_fetch_site_file: function (pathPtr, request) {
    var path = UTF8ToString(pathPtr);
    var deliver = function (bytes, error) {
      var ptr = 0;
      if (bytes && bytes.length) { ptr = _malloc(bytes.length); HEAPU8.set(bytes, ptr); }
      Module.ccall('pairwise_on_site_file', null, ['number', 'number', 'number', 'string'],
                   [request, ptr, bytes ? bytes.length : 0, error || '']);
      if (ptr) _free(ptr);
    };
    fetch(path).then(function (response) {
      if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
      return response.arrayBuffer();
    }).then(function (buffer) { deliver(new Uint8Array(buffer), ''); },
            function (e) { deliver(null, String((e && e.message) || e)); });
  },
  // The system's light or dark preference; a change draws a frame so the theme follows at once.
  pw_prefers_dark: function () {
    if (!window.matchMedia) return 1;
    var query = window.matchMedia('(prefers-color-scheme: dark)');
    if (!Module.pairwiseWatchingColourScheme) {
      Module.pairwiseWatchingColourScheme = true;
      query.addEventListener('change', function () { _pw_request_frame(); });
    }
    return query.matches ? 1 : 0;
  },
  // prefers-reduced-motion: reduce, and a touch screen as the main pointer (pointer: coarse): a
  // change draws a frame so the app follows at once.
  pw_media_matches: function (queryPtr) {
    if (!window.matchMedia) return 0;
    var text = UTF8ToString(queryPtr);
    var query = window.matchMedia(text);
    var watched = Module.pairwiseWatchedMedia || (Module.pairwiseWatchedMedia = {});
    if (!watched[text]) {
      watched[text] = true;
      query.addEventListener('change', function () { _pw_request_frame(); });
    }
    return query.matches ? 1 : 0;
  },
  // The browser's text size setting ("Font size" in its settings), as the root font size over the
  // usual 16 px; read again after a resize (a settings change arrives with one), not every frame.
  pw_browser_text_scale: function () {
    if (!Module.pairwiseTextScale || Module.pairwiseTextScaleStale) {
      var px = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      Module.pairwiseTextScale = px / 16;
      Module.pairwiseTextScaleStale = false;
      if (!Module.pairwiseWatchingTextScale) {
        Module.pairwiseWatchingTextScale = true;
        window.addEventListener('resize', function () { Module.pairwiseTextScaleStale = true; });
      }
    }
    return Module.pairwiseTextScale;
  },
  pw_watch_pixel_ratio: function () {
    // A change of zoom or of screen changes the pixel ratio without a resize event.
    var watch = function () {
      var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      query.addEventListener('change', function () { _pw_request_frame(); watch(); }, { once: true });
    };
    watch();
  },
  // Text arrives through a hidden textarea: SDL2 builds text only from 'keypress', which IME
  // composition, paste, mobile keyboards and non-ASCII synthetic typing never send.
  pw_text_input_install: function () {
    var area = document.createElement('textarea');
    area.id = 'pairwise-text-input';
    area.setAttribute('autocomplete', 'off');
    area.setAttribute('autocorrect', 'off');
    area.setAttribute('autocapitalize', 'off');
    area.setAttribute('spellcheck', 'false');
    area.setAttribute('aria-label', 'Text input');
    // Heard only while typing goes through it (fields the semantics layer does not mirror).
    area.setAttribute('aria-hidden', 'true');
    area.tabIndex = -1;
    area.addEventListener('focus', function () { area.removeAttribute('aria-hidden'); });
    area.addEventListener('blur', function () { area.setAttribute('aria-hidden', 'true'); });
    area.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1em;opacity:0;border:0;padding:0;' +
      'margin:0;resize:none;overflow:hidden;z-index:-1;font-size:16px;';
    document.body.appendChild(area);
    PW.textArea = area;
    var deliver = function () {
      if (!area.value) return;
      var text = area.value;
      area.value = '';
      Module.ccall('pairwise_on_text_input', null, ['string'], [text]);
    };
    area.addEventListener('input', function (e) { if (!e.isComposing) deliver(); });
    area.addEventListener('compositionend', deliver);
    // Keep SDL from cancelling the keypress (that would cancel the text) and Ctrl+V (the paste).
    area.addEventListener('keypress', function (e) { e.stopPropagation(); });
    area.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && (e.key === 'v' || e.key === 'V')) e.stopPropagation();
    });
    area.addEventListener('paste', function (e) {
      var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      e.preventDefault();
      if (text) Module.ccall('pairwise_on_text_input', null, ['string'], [text.replace(/\r\n?/g, '\n')]);
    });
  },
  pw_text_input_show: function (active, x, y, lineHeight) {
    var area = PW.textArea;
    if (!area) return;
    PW.textActive = !!active;
    if (PW.textHold) return;
    // A field the semantics layer mirrors takes the typing itself (web/semantics_library.js), so a
    // screen reader hears the field's name and value, not "Text input".
    if (active && PW.textTarget) {
      if (document.activeElement !== PW.textTarget) PW.textTarget.focus({ preventScroll: true });
      // Typing must land in an editable element: if the field's element cannot take focus (inert,
      // gone), the hidden text input below takes it, or text other than plain keys would be lost.
      if (document.activeElement === PW.textTarget) return;
    }
    if (active) {
      // Placed at the caret so an IME's candidate window opens next to the text being typed.
      area.style.left = x + 'px';
      area.style.top = y + 'px';
      area.style.height = lineHeight + 'px';
      if (document.activeElement !== area) area.focus({ preventScroll: true });
    } else if (document.activeElement === area) {
      area.value = '';
      Module.canvas.focus({ preventScroll: true });
    } else if (!active) {
      // Editing ended by a click or tap beside the field: the field's element lets the page's
      // focus go (unless the app's focus stays on it), or the next key would edit it again.
      var sem = Module.pairwiseSemantics, el = document.activeElement;
      if (sem && sem.ours(el) && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') &&
          Number(el.dataset.id) !== sem.focus) {
        Module.canvas.focus({ preventScroll: true });
      }
    }
    // (Focus leaving a mirrored field follows the app's keyboard focus: semantics_library.js.)
  },
  pw_clipboard_write: function (textPtr) {
    var text = UTF8ToString(textPtr);
    PW.clipboard = text;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function () {});
    }
  },
  // A link clicked from the key or mouse event that asked for it: browsers hand mailto: to the mail
  // program without leaving the page (so the leave-page question is not asked).
  pw_open_mail: function (urlPtr) {
    var url = UTF8ToString(urlPtr);
    Module.pairwiseLastMailto = url;  // what the browser suite reads: headless Chromium has no mail program
    var link = document.createElement('a');
    link.href = url;
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
  },
  // A printable page (HTML made by the core) in a new window, from a blob: URL. The window inherits
  // this page's Content-Security-Policy, whose style-src names the page's one <style> by its hash;
  // the page runs no script. The app's click is a few milliseconds old, well inside the browser's
  // user-activation window, so pop-up blockers let it through; 0 tells the app it was blocked.
  pw_open_printable: function (htmlPtr, length) {
    var blob = new Blob([HEAPU8.slice(htmlPtr, htmlPtr + length)], { type: 'text/html;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var opened = window.open(url, '_blank');
    // Long enough for the window to load it; a blob URL holds the page in memory until revoked.
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    if (!opened) return 0;
    try { opened.opener = null; } catch (e) {}
    Module.pairwisePrintablesOpened = (Module.pairwisePrintablesOpened || 0) + 1;
    return 1;
  },
  pw_publish_test_items: function (jsonPtr) {
    Module.pairwiseItems = JSON.parse(UTF8ToString(jsonPtr));
    Module.pairwiseItemsFrame = PW.framesDrawn;
  },
  // The browser's own "Leave site?" question; it shows only after the person interacted with the page.
  pw_set_leave_guard: function (warn) {
    if (!PW.leaveGuardInstalled) {
      PW.leaveGuardInstalled = true;
      window.addEventListener('beforeunload', function (e) {
        if (!PW.warnOnLeave) return;
        e.preventDefault();
        e.returnValue = '';
      });
      // Ctrl+S / Cmd+S export the work on display (handled in the app); the browser must not
      // open its "Save page" dialog instead.
      window.addEventListener('keydown', function (e) {
        if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) e.preventDefault();
      }, true);
    }
    PW.warnOnLeave = !!warn;
    Module.pairwiseLeaveGuard = PW.warnOnLeave;
  },
  // Hands a string to an exported C function through the heap. ccall's 'string' copies onto the
  // C stack, which a workspace of thousands of people or a few hundred opened files overflows.
  $pwCallWithString: function (name, text) {
    var size = Module.lengthBytesUTF8(text) + 1;
    var ptr = Module._malloc(size);
    Module.stringToUTF8(text, ptr, size);
    try { Module['_' + name](ptr); } finally { Module._free(ptr); }
  },
  // A C++ exception that reached an entry point (a frame, a storage or file callback): named in the
  // console as an error, so it is never silent (tests fail on console errors).
  pw_report_internal_error: function (text) {
    console.error('Pairwise internal error: ' + UTF8ToString(text));
  },
  pw_signal_ready: function () {
    Module.pairwiseStarted = true;
    if (Module.pairwiseReady) Module.pairwiseReady();
  },
};
autoAddDeps(PairwisePlatform, '$PW');
PairwisePlatform.pw_watch_pixel_ratio__deps = ['pw_request_frame'];
PairwisePlatform.pw_request_frame_after__deps = ['$PW', 'pw_request_frame'];
mergeInto(LibraryManager.library, PairwisePlatform);
