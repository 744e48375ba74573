// IndexedDB storage for Pairwise, linked with --js-library. Records are written one transaction per
// change set; tabs are coordinated with Web Locks (one tab writes, the others follow read-only)
// and BroadcastChannel (the writer tells the others what changed). The C++ side is
// src/platform/storage_emscripten.cpp.
var PairwiseStorage = {
  $PWS: {
    db: null,
    state: 'loading',      // loading | writer | follower | memory
    message: '',
    persisted: false,
    channel: null,
    tabId: '',  // set at start-up: library values are fixed when the app is built
    releaseLock: null,
    pendingWrites: 0,
    DB_NAME: 'pairwise',
    // Each entry upgrades the database from version i to i + 1; never edit a shipped step.
    UPGRADES: [
      function (db) {
        var records = db.createObjectStore('records', { keyPath: ['store', 'id'] });
        records.createIndex('by_store', 'store');
        db.createObjectStore('meta', { keyPath: 'key' });
      },
    ],

    notify: function () {
      Module.pairwiseStorage = { state: PWS.state, message: PWS.message, persisted: PWS.persisted };
      Module.ccall('pairwise_on_storage_state', null, ['string', 'string', 'number'],
                   [PWS.state, PWS.message, PWS.persisted ? 1 : 0]);
      _pw_request_frame();
    },
    setState: function (state, message) {
      PWS.state = state;
      PWS.message = message || '';
      PWS.notify();
    },
    // keepLock: after a failed write this tab keeps the writer lock, so no other tab becomes the
    // writer and stores its own copies over the changes this tab still holds (and journals).
    toMemory: function (message, keepLock) {
      if (PWS.db) { try { PWS.db.close(); } catch (e) {} }
      PWS.db = null;
      if (PWS.releaseLock && !keepLock) { PWS.releaseLock(); PWS.releaseLock = null; }
      PWS.setState('memory', message);
    },
    loadAll: function (then) {
      var tx = PWS.db.transaction(['records', 'meta'], 'readonly');
      var out = { records: null, meta: null };
      tx.objectStore('records').getAll().onsuccess = function (e) { out.records = e.target.result; };
      tx.objectStore('meta').getAll().onsuccess = function (e) { out.meta = e.target.result; };
      tx.oncomplete = function () { then(out); };
      tx.onerror = function () { PWS.toMemory('Stored data could not be read (' + (tx.error && tx.error.message) + ').'); };
    },
    deliverLoaded: function (out) {
      var payload = JSON.stringify({ records: out.records || [], meta: out.meta || [] });
      pwCallWithString('pairwise_on_storage_loaded', payload);
    },
    becomeWriter: function () {
      PWS.loadAll(function (out) {
        PWS.setState('writer', '');
        PWS.deliverLoaded(out);
      });
    },
    // Waits (in the background) until no other tab writes, then writes from here on.
    waitForWriterLock: function () {
      navigator.locks.request('pairwise-writer', function () {
        if (PWS.state === 'memory') return undefined;
        PWS.becomeWriter();
        return new Promise(function (resolve) { PWS.releaseLock = resolve; });
      });
    },
    coordinateTabs: function (afterFirstLoad) {
      if (!navigator.locks) {
        // Without Web Locks (old browsers) every tab writes; the channel still keeps them in step.
        PWS.loadAll(function (out) { PWS.setState('writer', ''); PWS.deliverLoaded(out); afterFirstLoad(); });
        return;
      }
      var first = true;
      var holdLock = function () {
        return new Promise(function (resolve) { PWS.releaseLock = resolve; });
      };
      navigator.locks.request('pairwise-writer', { ifAvailable: true }, function (lock) {
        if (lock) {
          PWS.loadAll(function (out) { PWS.setState('writer', ''); PWS.deliverLoaded(out); if (first) { first = false; afterFirstLoad(); } });
          return holdLock();
        }
        // Another tab writes: follow it read-only, and take over when it closes or hands over.
        PWS.loadAll(function (out) {
          PWS.setState('follower', 'Pairwise is open in another tab. This tab shows the same data but is read-only; ' +
                                   'choose "Edit here" to move editing to this tab.');
          PWS.deliverLoaded(out);
          if (first) { first = false; afterFirstLoad(); }
        });
        PWS.waitForWriterLock();
        return undefined;
      });
    },
    onMessage: function (event) {
      var m = event.data || {};
      if (m.tab === PWS.tabId) return;
      // A tab in memory mode holds changes storage lacks: it never takes another tab's copies over them.
      if (m.type === 'changes' && PWS.state !== 'memory' && (PWS.state !== 'writer' || !navigator.locks)) {
        pwCallWithString('pairwise_on_storage_external_change', JSON.stringify(m.changes));
        _pw_request_frame();
      } else if (m.type === 'handover' && PWS.state === 'writer' && PWS.releaseLock) {
        // Save what is pending, then let the asking tab write; this one follows from now on.
        Module.ccall('pairwise_flush_now', null, [], []);
        var release = PWS.releaseLock;
        PWS.releaseLock = null;
        var finish = function () {
          if (PWS.pendingWrites > 0) { setTimeout(finish, 20); return; }
          PWS.setState('follower', 'Editing moved to another tab. This tab is read-only; choose "Edit here" to edit in this one.');
          release();
          PWS.waitForWriterLock();
        };
        finish();
      }
    },
  },

  pw_storage_open: function () {
    PWS.tabId = Math.random().toString(36).slice(2) + Date.now().toString(36);
    PWS.notify();
    var fallback = function (why) {
      PWS.toMemory(why + ' Your work is kept in memory for this visit only: export a backup before closing the tab.');
      PWS.deliverLoaded({ records: [], meta: [] });
    };
    if (!window.indexedDB) { fallback('This browser does not allow storage here (private browsing, or storage is turned off).'); return; }
    var request;
    try { request = indexedDB.open(PWS.DB_NAME, PWS.UPGRADES.length); }
    catch (e) { fallback('Storage was refused (' + e.message + ').'); return; }
    request.onupgradeneeded = function (event) {
      var db = request.result;
      for (var v = event.oldVersion; v < PWS.UPGRADES.length; v++) PWS.UPGRADES[v](db, request.transaction);
    };
    request.onblocked = function () {
      PWS.setState('loading', 'An older version of Pairwise is open in another tab. Close it (or reload it) to continue.');
    };
    request.onerror = function () {
      var err = request.error;
      if (err && err.name === 'VersionError') fallback('Your data was saved by a newer version of Pairwise; reload to get it.');
      else fallback('Storage could not be opened (' + (err ? err.name + ': ' + err.message : 'unknown error') + ').');
    };
    request.onsuccess = function () {
      PWS.db = request.result;
      PWS.db.onversionchange = function () {
        Module.ccall('pairwise_flush_now', null, [], []);
        PWS.toMemory('A newer version of Pairwise was opened in another tab. Reload this tab to keep editing; ' +
                     'changes made here from now on are kept in this tab only: export a backup now.');
        _pw_request_frame();
      };
      if (typeof BroadcastChannel === 'function') {
        PWS.channel = new BroadcastChannel('pairwise-changes');
        PWS.channel.onmessage = PWS.onMessage;
      }
      PWS.coordinateTabs(function () {
        if (navigator.storage && navigator.storage.persist) {
          navigator.storage.persist().then(function (granted) { PWS.persisted = !!granted; PWS.notify(); _pw_request_frame(); })
            .catch(function () {});
        }
      });
    };
    var flush = function () { Module.ccall('pairwise_flush_now', null, [], []); };
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flush(); });
    window.addEventListener('pagehide', flush);
  },

  pw_storage_write: function (changesPtr, writeId) {
    var text = UTF8ToString(changesPtr);
    if (PWS.state !== 'writer' || !PWS.db) return 0;
    var changes = JSON.parse(text);
    var tx;
    try {
      tx = PWS.db.transaction(['records', 'meta'], 'readwrite', { durability: 'strict' });
      var records = tx.objectStore('records');
      (changes.puts || []).forEach(function (r) { records.put({ store: r.store, id: r.id, value: r.value }); });
      (changes.deletes || []).forEach(function (d) { records.delete([d.store, d.id]); });
      var meta = tx.objectStore('meta');
      (changes.meta || []).forEach(function (m) { meta.put(m); });
    } catch (e) {
      PWS.toMemory('Saving failed (' + e.name + ': ' + e.message + '). Nothing on screen is lost: export a backup now.', true);
      _pw_request_frame();
      return 0;
    }
    PWS.pendingWrites++;
    tx.oncomplete = function () {
      PWS.pendingWrites--;
      if (PWS.channel) PWS.channel.postMessage({ type: 'changes', tab: PWS.tabId, changes: changes });
      Module.ccall('pairwise_on_storage_saved', null, ['number'], [writeId]);
      _pw_request_frame();
    };
    var failed = function () {
      PWS.pendingWrites--;
      var err = tx.error;
      var quota = err && err.name === 'QuotaExceededError';
      PWS.toMemory((quota ? 'The browser has no more room for Pairwise data, so your latest changes were not saved.'
                          : 'Saving failed (' + (err ? err.name : 'aborted') + '), so your latest changes were not saved.') +
                   ' Nothing on screen is lost, and this tab keeps them: export a backup now.', true);
      Module.ccall('pairwise_on_storage_write_failed', null, ['number'], [writeId]);
      _pw_request_frame();
    };
    tx.onabort = failed;
    if (tx.commit) { try { tx.commit(); } catch (e) {} }
    return 1;
  },

  pw_storage_reload: function () {
    if (PWS.db) PWS.loadAll(PWS.deliverLoaded);
  },

  // The journal of unsaved edits: localStorage, because it is written before the call returns.
  pw_journal_store: function (keyPtr, textPtr) {
    try { window.localStorage.setItem(UTF8ToString(keyPtr), UTF8ToString(textPtr)); } catch (e) {}
  },
  pw_journal_load: function (keyPtr) {
    var text = null;
    try { text = window.localStorage.getItem(UTF8ToString(keyPtr)); } catch (e) {}
    if (text === null) return 0;
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },
  pw_journal_remove: function (keyPtr) {
    try { window.localStorage.removeItem(UTF8ToString(keyPtr)); } catch (e) {}
  },

  pw_storage_request_edit_here: function () {
    if (PWS.channel && PWS.state === 'follower') PWS.channel.postMessage({ type: 'handover', tab: PWS.tabId });
  },
};
autoAddDeps(PairwiseStorage, '$PWS');
PairwiseStorage.$PWS__deps = ['pw_request_frame', '$pwCallWithString'];
PairwiseStorage.pw_storage_open__deps = ['$PWS', 'pw_request_frame'];
PairwiseStorage.pw_storage_write__deps = ['$PWS', 'pw_request_frame'];
PairwiseStorage.pw_storage_reload__deps = ['$PWS'];
PairwiseStorage.pw_journal_load__deps = ['malloc'];
mergeInto(LibraryManager.library, PairwiseStorage);
