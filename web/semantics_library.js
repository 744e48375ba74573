// The semantics layer's page side, linked with --js-library (C++: src/app/semantics.cpp through
// src/platform/semantics_emscripten.cpp). The canvas is a picture to a screen reader; this keeps a
// tree of transparent DOM elements with ARIA roles, names, values and states over it, one per
// item the app mirrors, in reading order. Each frame brings only what changed, keyed by the item's
// ImGui id. Focus goes both ways: the app's keyboard focus moves DOM focus here, and a screen
// reader focusing or clicking an element queues a request the app applies on its next frame.
var PairwiseSemantics = {
  $PWA: {
    root: null, main: null, dialogs: null, live: null, listbox: null,
    // (Maps are made in pw_semantics_install: a library object is copied into app.js as text.)
    nodes: null,          // id -> { el, data }
    tables: null,         // table id -> { el, rows: Map(row -> { el, cells: Map(col -> el) }) }
    focus: 0, focusVisible: false, text: 0,
    ourFocus: false,
    pendingText: null,    // id -> text typed into a field before the app started editing it
    keptWhileEditing: null,  // ids the app reported gone while still editing them
    order: [],

    // The element the person (or screen reader) just focused: focus stays there until the app has
    // caught up, instead of snapping back to the app's previous focus for a frame.
    wanted: 0, wantedUpdates: 0,
    request: function (id, kind) {
      PWA.wanted = id; PWA.wantedUpdates = 12;
      Module.ccall('pairwise_on_semantics_request', null, ['number', 'number'], [id, kind]);
    },
    deliverText: function (text) { if (text) Module.ccall('pairwise_on_text_input', null, ['string'], [text]); },

    // Text typed into a mirrored field goes to the app, never into the element itself: the element
    // shows the app's value, which comes back with the next frame.
    typeInto: function (node, text) {
      if (!text) return;
      if (PWA.text === node.data.i) { PWA.deliverText(text); return; }
      PWA.pendingText.set(node.data.i, (PWA.pendingText.get(node.data.i) || '') + text);
      if (PWA.wanted !== node.data.i) PWA.request(node.data.i, 2);
    },

    makeElement: function (d) {
      var el;
      if (d.r === 'textbox') {
        el = document.createElement(d.ml ? 'textarea' : 'input');
        // A passphrase is heard as one: its value here is only as many '*' as it has characters.
        if (!d.ml) el.type = d.pw ? 'password' : 'text';
        el.setAttribute('autocomplete', 'off');
        el.setAttribute('spellcheck', 'false');
        var node = null;
        el.addEventListener('keypress', function (e) { e.stopPropagation(); });
        el.addEventListener('keydown', function (e) {
          if ((e.ctrlKey || e.metaKey) && (e.key === 'v' || e.key === 'V')) e.stopPropagation();
        });
        el.addEventListener('beforeinput', function (e) {
          node = PWA.nodes.get(Number(el.dataset.id));
          if (!node || e.inputType === 'insertCompositionText') return;
          e.preventDefault();
          if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText' || e.inputType === 'insertFromDrop') {
            PWA.typeInto(node, e.data || (e.dataTransfer ? e.dataTransfer.getData('text/plain') : ''));
          }
          // Deleting, new lines and moving the caret arrive as key presses, which the app handles.
        });
        el.addEventListener('compositionend', function (e) {
          node = PWA.nodes.get(Number(el.dataset.id));
          if (node) { PWA.typeInto(node, e.data); el.value = node.data.v || ''; }
        });
        el.addEventListener('paste', function (e) {
          node = PWA.nodes.get(Number(el.dataset.id));
          var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
          e.preventDefault();
          if (node) PWA.typeInto(node, text.replace(/\r\n?/g, '\n'));
        });
      } else {
        el = document.createElement('div');
        el.tabIndex = -1;
      }
      el.className = 'pw-sem';
      el.dataset.id = d.i;
      return el;
    },

    describe: function (node, d) {
      var el = node.el, old = node.data || {};
      var role = { button: 'button', tab: 'tab', checkbox: 'checkbox', radio: 'radio', combobox: 'combobox',
        option: 'option', slider: 'slider', heading: 'heading', status: 'status', dialog: 'dialog' }[d.r];
      if (d.r !== 'textbox') {
        if (role) el.setAttribute('role', role); else el.removeAttribute('role');
      }
      var takesLabel = d.r === 'textbox' || d.r === 'combobox' || d.r === 'slider' || d.r === 'dialog';
      if (takesLabel) {
        if (old.n !== d.n) el.setAttribute('aria-label', d.n);
      } else if (old.n !== d.n) {
        el.textContent = d.n;
      }
      if (d.r === 'textbox') {
        if (el.value !== (d.v || '') && PWA.composing !== el) el.value = d.v || '';
        PWA.flag(el, 'aria-required', d.rq);
      }
      // A select-only combo box says its choice as its content (aria-valuetext is not allowed on
      // a combobox, and axe-core calls it critical).
      if (d.r === 'combobox' && el.textContent !== (d.v || '')) el.textContent = d.v || '';
      if (d.r === 'slider') {
        el.setAttribute('aria-valuenow', d.v);
        el.setAttribute('aria-valuemin', d.min);
        el.setAttribute('aria-valuemax', d.max);
      }
      if (d.r === 'heading') el.setAttribute('aria-level', d.lv || 2);
      if (d.r === 'checkbox' || d.r === 'radio') el.setAttribute('aria-checked', d.c ? 'true' : 'false');
      if (d.r === 'tab' || d.r === 'option') el.setAttribute('aria-selected', d.s ? 'true' : 'false');
      if (d.ex !== undefined) el.setAttribute('aria-expanded', d.ex ? 'true' : 'false');
      else el.removeAttribute('aria-expanded');
      if (d.of) el.setAttribute('aria-haspopup', 'dialog');
      if (d.r === 'dialog' && d.mod) el.setAttribute('aria-modal', 'true');
      PWA.flag(el, 'aria-disabled', d.d);
      if (d.e) {
        el.setAttribute('aria-invalid', 'true');
        el.setAttribute('aria-description', d.e);
      } else if (old.e) {
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-description');
      }
      // Inside a dialog, elements are placed relative to the dialog's own box.
      var box = d.dlg && d.r !== 'dialog' ? PWA.nodes.get(d.dlg) : null;
      var dx = box ? box.data.x : 0, dy = box ? box.data.y : 0;
      var s = el.style;
      s.left = (d.x - dx) + 'px'; s.top = (d.y - dy) + 'px';
      s.width = Math.max(1, d.w) + 'px'; s.height = Math.max(1, d.h) + 'px';
      node.data = d;
    },

    flag: function (el, name, on) { if (on) el.setAttribute(name, 'true'); else el.removeAttribute(name); },

    tableParts: function (d) {
      var table = PWA.tables.get(d.tb);
      if (!table) {
        table = { el: document.createElement('div'), rows: new Map() };
        table.el.setAttribute('role', 'grid');
        table.el.className = 'pw-group';
        PWA.tables.set(d.tb, table);
      }
      if (d.rc) table.el.setAttribute('aria-rowcount', d.rc);
      var row = table.rows.get(d.row);
      if (!row) {
        row = { el: document.createElement('div'), cells: new Map() };
        row.el.setAttribute('role', 'row');
        row.el.className = 'pw-group';
        table.rows.set(d.row, row);
      }
      row.el.setAttribute('aria-rowindex', d.row + 1);
      var cell = row.cells.get(d.col);
      if (!cell) {
        cell = document.createElement('div');
        cell.setAttribute('role', 'gridcell');
        cell.className = 'pw-group';
        row.cells.set(d.col, cell);
      }
      return { table: table.el, row: row.el, cell: cell };
    },

    // Puts `el` right after `cursor` inside `parent` unless it is there already; returns el.
    place: function (parent, el, cursors) {
      var after = cursors.get(parent) || null;
      var wanted = after ? after.nextSibling : parent.firstChild;
      if (el !== wanted || el.parentNode !== parent) parent.insertBefore(el, wanted);
      cursors.set(parent, el);
      return el;
    },

    arrange: function () {
      var cursors = new Map();
      var used = new Set();
      for (var k = 0; k < PWA.order.length; k++) {
        var node = PWA.nodes.get(PWA.order[k]);
        if (!node) continue;
        var d = node.data;
        // Dialogs sit beside the main content, not in it: a modal dialog makes the main content
        // inert, and an inert dialog could take no focus (its fields no typing).
        var parent = d.r === 'dialog' ? PWA.dialogs : PWA.main;
        if (d.r !== 'dialog' && d.dlg && PWA.nodes.has(d.dlg)) parent = PWA.nodes.get(d.dlg).el;
        if (d.tl) {
          var list = PWA.tablists.get(d.tl);
          if (!list) {
            list = document.createElement('div');
            list.setAttribute('role', 'tablist');
            list.className = 'pw-group';
            PWA.tablists.set(d.tl, list);
          }
          if (!used.has(list)) { PWA.place(parent, list, cursors); used.add(list); }
          parent = list;
        } else if (d.r === 'option') {
          if (!used.has(PWA.listbox)) { PWA.place(parent, PWA.listbox, cursors); used.add(PWA.listbox); }
          parent = PWA.listbox;
        } else if (d.tb) {
          var parts = PWA.tableParts(d);
          if (!used.has(parts.table)) { PWA.place(parent, parts.table, cursors); used.add(parts.table); }
          if (!used.has(parts.row)) { PWA.place(parts.table, parts.row, cursors); used.add(parts.row); }
          if (!used.has(parts.cell)) { PWA.place(parts.row, parts.cell, cursors); used.add(parts.cell); }
          parent = parts.cell;
        }
        PWA.place(parent, node.el, cursors);
      }
      if (!used.has(PWA.listbox)) PWA.listbox.remove();
      PWA.tablists.forEach(function (list, id) { if (!used.has(list)) { list.remove(); PWA.tablists.delete(id); } });
      PWA.tables.forEach(function (table, id) {
        table.rows.forEach(function (row, r) {
          row.cells.forEach(function (cell, c) { if (!used.has(cell)) { cell.remove(); row.cells.delete(c); } });
          if (!used.has(row.el)) { row.el.remove(); table.rows.delete(r); }
        });
        if (!used.has(table.el)) { table.el.remove(); PWA.tables.delete(id); }
      });
    },

    announce: function (messages) {
      if (!messages.length) return;
      // Emptied first, so the same message said twice is heard twice.
      PWA.live.textContent = '';
      setTimeout(function () { PWA.live.textContent = messages.join(' '); }, 30);
    },

    apply: function (u) {
      var messages = [];
      var structural = !!u.o;
      var editing = u.t || 0;
      var gone = function (id) {
        var node = PWA.nodes.get(id);
        if (!node) return;
        node.el.remove();
        PWA.nodes.delete(id);
        PWA.pendingText.delete(id);
      };
      (u.x || []).forEach(function (id) {
        // The field the app is still editing keeps its element, and with it the page's focus and
        // the keys typed next, through a frame that did not describe it.
        if (id === editing) { PWA.keptWhileEditing.add(id); return; }
        gone(id);
      });
      (u.u || []).forEach(function (d) { PWA.keptWhileEditing.delete(d.i); });
      PWA.keptWhileEditing.forEach(function (id) {
        if (id !== editing) { PWA.keptWhileEditing.delete(id); gone(id); }
      });
      (u.u || []).forEach(function (d) {
        var node = PWA.nodes.get(d.i);
        if (node && (node.data.r !== d.r || node.data.ml !== d.ml || node.data.pw !== d.pw) &&
            (node.data.r === 'textbox' || d.r === 'textbox')) {
          node.el.remove();
          node = null;
        }
        if (!node) {
          node = { el: PWA.makeElement(d), data: null };
          PWA.nodes.set(d.i, node);
          structural = true;
        } else if (node.data.dlg !== d.dlg || node.data.tb !== d.tb || node.data.tl !== d.tl || node.data.row !== d.row ||
                   node.data.col !== d.col) {
          structural = true;
        }
        if ((d.r === 'alert' || d.r === 'notice') && (!node.data || node.data.n !== d.n)) messages.push(d.n);
        PWA.describe(node, d);
      });
      if (u.o) PWA.order = u.o;
      if (structural) PWA.arrange();
      // A modal dialog keeps the screen reader and Tab inside it, as the app does.
      var modal = false;
      PWA.nodes.forEach(function (node) { if (node.data.r === 'dialog' && node.data.mod) modal = true; });
      PWA.main.inert = modal;
      PWA.focus = u.f || 0;
      PWA.focusVisible = !!u.fv;
      PWA.text = u.t || 0;
      var textNode = PWA.text ? PWA.nodes.get(PWA.text) : null;
      if (textNode && PWA.pendingText.has(PWA.text)) {
        PWA.deliverText(PWA.pendingText.get(PWA.text));
        PWA.pendingText.delete(PWA.text);
      }
      PWA.syncFocus(textNode);
      PW.textTarget = textNode ? textNode.el : null;
      PW.textHold = !!PWA.wanted;  // the page's focus is on its way to the app: do not move it
      PWA.announce(messages);
      Module.pairwiseSemanticsFrame = (Module.pairwiseSemanticsFrame || 0) + 1;
    },

    ours: function (el) { return !!el && PWA.root.contains(el); },

    // The app's keyboard focus becomes the page's, so a screen reader says what has focus.
    syncFocus: function (textNode) {
      if (PWA.wanted) {
        var caughtUp = PWA.focus === PWA.wanted && (!PWA.text || PWA.text === PWA.wanted);
        if (caughtUp || --PWA.wantedUpdates <= 0) PWA.wanted = 0;
        else return;
      }
      var focusNode = PWA.focus ? PWA.nodes.get(PWA.focus) : null;
      var node = focusNode || textNode;
      var active = document.activeElement;
      var ownsFocus = !active || active === document.body || active === Module.canvas || PWA.ours(active) ||
        (active.id === 'pairwise-text-input');
      if (!ownsFocus) return;
      if (node && active !== node.el) {
        PWA.ourFocus = true;
        try { node.el.focus({ preventScroll: true }); } finally { PWA.ourFocus = false; }
      } else if (!node && PWA.ours(active) && !PW.textActive) {
        PWA.ourFocus = true;
        try { Module.canvas.focus({ preventScroll: true }); } finally { PWA.ourFocus = false; }
      }
    },

    // The app's focus, or the element a screen reader has focused (its request may still be on
    // its way to the app).
    focusedFileButton: function () {
      if (PWA.text) return false;
      var active = document.activeElement;
      var nodes = [PWA.focus ? PWA.nodes.get(PWA.focus) : null,
        PWA.ours(active) ? PWA.nodes.get(Number(active.dataset.id)) : null];
      return nodes.some(function (node) { return !!(node && node.data.of && !node.data.d); });
    },
    openFileChooser: function () {
      var input = document.getElementById('pairwise-file-input');
      if (input) input.click();
    },
  },

  pw_semantics_install: function () {
    PWA.nodes = new Map();
    PWA.tables = new Map();
    PWA.tablists = new Map();
    PWA.pendingText = new Map();
    PWA.keptWhileEditing = new Set();
    var root = document.createElement('div');
    root.id = 'pairwise-semantics';
    var main = document.createElement('div');
    main.className = 'pw-group';
    root.appendChild(main);
    var dialogs = document.createElement('div');
    dialogs.className = 'pw-group';
    root.appendChild(dialogs);
    var listbox = document.createElement('div');
    listbox.setAttribute('role', 'listbox');
    listbox.className = 'pw-group';
    var live = document.createElement('div');
    live.id = 'pairwise-announcements';
    live.setAttribute('aria-live', 'polite');
    live.className = 'pw-visually-hidden';
    document.body.appendChild(root);
    document.body.appendChild(live);
    PWA.root = root; PWA.main = main; PWA.dialogs = dialogs; PWA.listbox = listbox; PWA.live = live;
    // The canvas itself is not a stop for a screen reader: the elements over it are the content.
    Module.canvas.setAttribute('aria-hidden', 'true');
    Module.pairwiseSemantics = PWA;

    root.addEventListener('focusin', function (e) {
      if (PWA.ourFocus) return;
      var id = Number(e.target.dataset && e.target.dataset.id);
      var node = PWA.nodes.get(id);
      if (node && id !== PWA.focus) PWA.request(id, node.data.r === 'textbox' ? 2 : 0);
    });
    // A screen reader's "click" (or a click on the element) presses the item. The file chooser
    // opens right here: browsers open it only inside the person's own click or key press.
    root.addEventListener('click', function (e) {
      var id = Number(e.target.dataset && e.target.dataset.id);
      var node = PWA.nodes.get(id);
      if (!node || node.data.d) return;
      if (node.data.of) PWA.openFileChooser();
      PWA.request(id, node.data.r === 'textbox' ? 2 : 1);
    });
    // Enter or Space on a focused "Open … files" button: the app presses the button a frame later,
    // too late for the browser to allow a file chooser, so it opens in this key event.
    window.addEventListener('keydown', function (e) {
      if ((e.key === 'Enter' || e.key === ' ') && !e.repeat && !e.ctrlKey && !e.altKey && !e.metaKey &&
          PWA.focusedFileButton()) {
        PWA.openFileChooser();
      }
    }, true);
    window.addEventListener('compositionstart', function (e) { if (PWA.ours(e.target)) PWA.composing = e.target; }, true);
    window.addEventListener('compositionend', function () { PWA.composing = null; }, true);
  },

  pw_semantics_paused: function () { return Module.pairwiseSemanticsPaused ? 1 : 0; },
  // Totals for the browser suite's measurement (tests/browser/semantics_cost.test.mjs).
  pw_report_frame_cost: function (frameMs, semanticsMs) {
    var s = Module.pairwiseFrameStats || (Module.pairwiseFrameStats = { frames: 0, frameMs: 0, semanticsMs: 0, worstFrameMs: 0, worstSemanticsMs: 0 });
    s.frames++; s.frameMs += frameMs; s.semanticsMs += semanticsMs;
    s.worstFrameMs = Math.max(s.worstFrameMs, frameMs); s.worstSemanticsMs = Math.max(s.worstSemanticsMs, semanticsMs);
  },
  pw_semantics_update: function (jsonPtr) {
    PWA.apply(JSON.parse(UTF8ToString(jsonPtr)));
  },
};
autoAddDeps(PairwiseSemantics, '$PWA');
PairwiseSemantics.$PWA__deps = ['$PW'];
mergeInto(LibraryManager.library, PairwiseSemantics);
