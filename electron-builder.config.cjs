// Packaging (`npm run package`, where Electron's binary can be downloaded). It cannot run on the
// offline build machines, which cannot fetch Electron.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.lectern.reader',
  productName: 'Lectern',
  directories: { output: 'dist', buildResources: 'resources' },
  files: ['out/**', 'package.json'],
  extraResources: [{ from: 'resources/000_e51e31a3faca41e8.txt', to: '000_e51e31a3faca41e8.txt' }],
  asar: true,
  // Nothing native to rebuild: the library uses the SQLite built into Electron (node:sqlite).
  npmRebuild: false,
  // Electron Fuses flipped in the packaged binary, per Electron's security checklist.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    grantFileProtocolExtraPrivileges: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    mimeTypes: ['text/plain', 'text/markdown'],
  },
  mac: { target: 'dmg', category: 'public.app-category.news' },
  win: { target: 'nsis' },
};
