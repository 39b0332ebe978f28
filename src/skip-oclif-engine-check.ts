// oclif checks the running Node against its own engines range as it loads, which loads all of
// semver: ~10 ms of every command. Ours (>=20.19, stricter than oclif's) is enforced by npm at
// install. Imported by main.ts before oclif, so it runs first; a user's own setting wins.
process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1'
