// Files in and out of Pairwise, linked with --js-library: the file picker (several files at once),
// drag and drop onto the page, and downloads. The C++ side is src/platform/files_emscripten.cpp.
var PairwiseFiles = {
  $PWF: {
    input: null,
    hotspots: [],   // rectangles (CSS px) of the app's "Open files" buttons, from the last frame
    // Spreadsheet workbooks are binary: .xlsx is a ZIP archive, .xls (and an encrypted .xlsx) a
    // Compound File. Their bytes go to C++ intact, as base64, for the core to read or refuse.
    isWorkbook: function (bytes) {
      var zip = [0x50, 0x4b, 0x03, 0x04], compound = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
      var starts = function (magic) {
        if (bytes.length < magic.length) return false;
        for (var i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
        return true;
      };
      return starts(zip) || starts(compound);
    },
    base64: function (bytes) {
      var parts = [];
      for (var i = 0; i < bytes.length; i += 0x8000)
        parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
      return btoa(parts.join(''));
    },
    readAll: function (fileList, dropped) {
      var files = Array.prototype.slice.call(fileList || []);
      if (!files.length) return;
      Promise.all(files.map(function (f) {
        return f.arrayBuffer().then(function (buffer) {
          var bytes = new Uint8Array(buffer);
          if (PWF.isWorkbook(bytes)) return { name: f.name, size: f.size, bytes64: PWF.base64(bytes), dropped: !!dropped };
          try {
            var text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
            return { name: f.name, size: f.size, text: text, dropped: !!dropped };
          } catch (e) {
            return { name: f.name, size: f.size, dropped: !!dropped, error: 'is not UTF-8 text (save it as UTF-8 and try again)' };
          }
        }, function (e) { return { name: f.name, size: f.size, error: 'could not be read: ' + e.message }; });
      })).then(function (results) {
        pwCallWithString('pairwise_on_files_opened', JSON.stringify(results));
        _pw_request_frame();
      });
    },
  },

  pw_files_install: function () {
    var input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.json,.csv,.xlsx,.xls,.pwlock,application/json,text/csv,' +
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';
    input.style.display = 'none';
    input.id = 'pairwise-file-input';
    input.addEventListener('change', function () { PWF.readAll(input.files); input.value = ''; });
    document.body.appendChild(input);
    PWF.input = input;
    // Safari opens a file picker only inside the user's own click, and ImGui sees the click a frame
    // later: so the click on the button's rectangle opens the picker right here, in the event.
    var openIfOnButton = function (x, y) {
      for (var i = 0; i < PWF.hotspots.length; i++) {
        var r = PWF.hotspots[i];
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h) {
          input.click();
          return;
        }
      }
    };
    Module.canvas.addEventListener('click', function (e) { openIfOnButton(e.clientX, e.clientY); });
    // A finger makes no click (SDL cancels the touch's own mouse events), so a tap opens the picker
    // here, in the touchend that browsers allow it in. A drag (a scroll) opens nothing; the distance
    // is the app's (src/app/touch_input.cpp, kTapSlop).
    var tapStart = null;
    Module.canvas.addEventListener('touchstart', function (e) {
      var t = e.touches.length === 1 ? e.touches[0] : null;
      tapStart = t ? { x: t.clientX, y: t.clientY } : null;
    }, { passive: true });
    Module.canvas.addEventListener('touchmove', function (e) {
      var t = e.touches[0];
      if (!tapStart || !t) return;
      var dx = t.clientX - tapStart.x, dy = t.clientY - tapStart.y;
      if (dx * dx + dy * dy >= 100) tapStart = null;  // a scroll now, whatever it does next
    }, { passive: true });
    Module.canvas.addEventListener('touchend', function (e) {
      var t = e.changedTouches[0];
      if (!tapStart || !t || e.touches.length) return;
      var dx = t.clientX - tapStart.x, dy = t.clientY - tapStart.y;
      if (dx * dx + dy * dy < 100) openIfOnButton(tapStart.x, tapStart.y);
      tapStart = null;
    });
    window.addEventListener('dragover', function (e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
    window.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files) PWF.readAll(e.dataTransfer.files, true);
    });
  },
  pw_files_set_hotspots: function (jsonPtr) {
    PWF.hotspots = JSON.parse(UTF8ToString(jsonPtr));
  },
  pw_files_download: function (namePtr, mimePtr, dataPtr, length) {
    var bytes = HEAPU8.slice(dataPtr, dataPtr + length);
    var blob = new Blob([bytes], { type: UTF8ToString(mimePtr) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(namePtr);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  },
};
autoAddDeps(PairwiseFiles, '$PWF');
PairwiseFiles.$PWF__deps = ['$pwCallWithString', 'pw_request_frame'];
PairwiseFiles.pw_files_install__deps = ['$PWF', 'pw_request_frame'];
mergeInto(LibraryManager.library, PairwiseFiles);
