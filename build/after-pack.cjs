// electron-builder afterPack hook: flips Electron's fuses in the packaged binary (before
// signing, which electron-builder does after this hook). docs/architecture.md says why each
// fuse is set; tests/packaging reads FUSES from here.
const { FuseVersion, FuseV1Options } = require('@electron/fuses')

const FUSES = {
  version: FuseVersion.V1,
  // No plain-Node entry into the signed binary (docs/architecture.md, "The packaged app").
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

async function afterPack(context) {
  await context.packager.addElectronFuses(context, {
    ...FUSES,
    // Apple silicon refuses an ad-hoc signature the flip invalidated; unsigned builds re-sign.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  })
}

module.exports = afterPack
module.exports.FUSES = FUSES
