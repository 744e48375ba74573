// The locked-file cipher in the browser, linked with --js-library: Web Crypto's PBKDF2-HMAC-SHA256,
// HMAC-SHA256 and AES-256-GCM, the same primitives OpenSSL gives the command line
// (src/native/openssl_lock_cipher.cpp). The envelope (layout, checks, messages) is the core's
// (src/core/locking/locked_file.cpp); this file only derives keys, seals and opens. The C++ side is
// src/platform/lock_emscripten.cpp. Every answer comes back later, through an exported C function.
var PairwiseLock = {
  // (Only functions here: Emscripten writes this object out as source, and an object such as a
  // TextEncoder would arrive empty.)
  $PWL: {
    copy: function (ptr, length) { return HEAPU8.slice(ptr, ptr + length); },
    // master = PBKDF2(passphrase, salt, iterations); key = HMAC(master, keyLabel); check = HMAC(master, checkLabel)[0..16]
    derive: async function (passphrase, salt, iterations, keyLabel, checkLabel) {
      var subtle = crypto.subtle;
      var base = await subtle.importKey('raw', passphrase, 'PBKDF2', false, ['deriveBits']);
      var master = new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations }, base, 256));
      passphrase.fill(0);
      var mac = await subtle.importKey('raw', master, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      master.fill(0);
      var keyBytes = new Uint8Array(await subtle.sign('HMAC', mac, new TextEncoder().encode(keyLabel)));
      var check = new Uint8Array(await subtle.sign('HMAC', mac, new TextEncoder().encode(checkLabel))).slice(0, 16);
      var key = await subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
      keyBytes.fill(0);
      return { key: key, check: check };
    },
    // Hands bytes to C++ in memory it frees (a malloc'd copy); 0 for none.
    toHeap: function (bytes) {
      if (!bytes || !bytes.length) return 0;
      var ptr = Module._malloc(bytes.length);
      HEAPU8.set(bytes, ptr);
      return ptr;
    },
    reply: function (name, id, ok, check, payload, error) {
      var checkPtr = PWL.toHeap(check);
      var payloadPtr = PWL.toHeap(payload);
      Module['_' + name](id, ok ? 1 : 0, checkPtr, check ? check.length : 0, payloadPtr, payload ? payload.length : 0);
      if (payload) payload.fill(0);
      if (error) console.warn('Pairwise: locked file: ' + error);
      _pw_request_frame();
    },
  },

  pw_lock_random: function (ptr, length) {
    crypto.getRandomValues(HEAPU8.subarray(ptr, ptr + length));
  },

  // Everything is copied out of the WASM heap at once: the call returns before the work is done.
  pw_lock_seal: function (id, passPtr, passLength, saltPtr, saltLength, iterations, noncePtr, nonceLength, aadPtr,
                          aadLength, dataPtr, dataLength, keyLabelPtr, checkLabelPtr) {
    var passphrase = PWL.copy(passPtr, passLength), salt = PWL.copy(saltPtr, saltLength);
    var nonce = PWL.copy(noncePtr, nonceLength), aad = PWL.copy(aadPtr, aadLength), data = PWL.copy(dataPtr, dataLength);
    var keyLabel = UTF8ToString(keyLabelPtr), checkLabel = UTF8ToString(checkLabelPtr);
    PWL.derive(passphrase, salt, iterations >>> 0, keyLabel, checkLabel).then(function (keys) {
      return crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 }, keys.key, data)
        .then(function (sealed) {
          data.fill(0);
          PWL.reply('pairwise_on_lock_sealed', id, true, keys.check, new Uint8Array(sealed));
        });
    }).catch(function (e) {
      data.fill(0);
      PWL.reply('pairwise_on_lock_sealed', id, false, null, null, String(e && e.message || e));
    });
  },

  // ok=0 with the check when the tag did not match (wrong passphrase or damaged: the core decides).
  pw_lock_open: function (id, passPtr, passLength, saltPtr, saltLength, iterations, noncePtr, nonceLength, aadPtr,
                          aadLength, sealedPtr, sealedLength, keyLabelPtr, checkLabelPtr) {
    var passphrase = PWL.copy(passPtr, passLength), salt = PWL.copy(saltPtr, saltLength);
    var nonce = PWL.copy(noncePtr, nonceLength), aad = PWL.copy(aadPtr, aadLength), sealed = PWL.copy(sealedPtr, sealedLength);
    var keyLabel = UTF8ToString(keyLabelPtr), checkLabel = UTF8ToString(checkLabelPtr);
    PWL.derive(passphrase, salt, iterations >>> 0, keyLabel, checkLabel).then(function (keys) {
      return crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 }, keys.key, sealed)
        .then(function (plain) {
          PWL.reply('pairwise_on_lock_opened', id, true, keys.check, new Uint8Array(plain));
        }, function () {
          PWL.reply('pairwise_on_lock_opened', id, false, keys.check, null);
        });
    }).catch(function (e) {
      PWL.reply('pairwise_on_lock_opened', id, false, null, null, String(e && e.message || e));
    });
  },
};
autoAddDeps(PairwiseLock, '$PWL');
PairwiseLock.$PWL__deps = ['pw_request_frame'];
mergeInto(LibraryManager.library, PairwiseLock);
