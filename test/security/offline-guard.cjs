// Preloaded into tool processes run by tests: any attempt to reach a host other than loopback fails at once.
const net = require('node:net');
const Module = require('node:module');

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const options = typeof args[0] === 'object' ? args[0] : { port: args[0], host: args[1] };
  const host = options.host ?? 'localhost';
  if (!options.path && !['localhost', '127.0.0.1', '::1'].includes(host)) {
    throw new Error(`offline-guard: refused a connection to ${host}`);
  }
  return connect.apply(this, args);
};

// electronegativity fetches translations and Electron's release list with `got`; answer both as offline.
const load = Module._load;
Module._load = function guardedLoad(request, ...rest) {
  if (request === 'got') {
    return Object.assign(() => Promise.reject(new Error('offline-guard: no network in tests')), {
      default: () => Promise.reject(new Error('offline-guard: no network in tests')),
    });
  }
  return load.call(this, request, ...rest);
};
