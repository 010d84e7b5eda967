// The lab: loopback Go module proxies with injectable faults, for tests, benchmarks and the demo.
export type {
  AccessLogEntry,
  FaultMode,
  FaultSpec,
  FixtureModule,
  HandshakeLogEntry,
  Lab,
  LabChecksumDb,
  LabChecksumDbOptions,
  LabProxy,
  LabProxyOptions,
  Scenario,
  ServedModule,
  TlsMode,
} from './types.js';
export { fixtureGraph, largeFixtureModule, compareSemver } from './fixtures.js';
export { buildModuleStore, zipFiles } from './store.js';
export type { ModuleStore } from './store.js';
export { escapeModulePath, unescapeModuleString } from '../../shared/go/escape.js';
export { parseProxyRequest } from './protocol.js';
export type { ProxyRequest } from './protocol.js';
export { FAULT_MODES, describeFaults, faultsApplyTo, validateFaultSpec } from './faults.js';
export { buildChecksumDatabase } from './sumdb/database.js';
export type { ChecksumDatabase, ChecksumDatabaseOptions } from './sumdb/database.js';
export { hash1, hashGoMod, hashZip } from './sumdb/dirhash.js';
export { labSigner } from './sumdb/note.js';
export { TransparencyLog, parseTilePath, tilePath, recordHash, nodeHash } from './sumdb/tlog.js';
export { labCaCertPem, labCertificate } from './tls.js';
export { startLab } from './lab.js';
export { CORPORATE_CREDENTIALS, SCENARIOS } from './scenarios.js';
export { startControlServer } from './control.js';
export type { ControlServer } from './control.js';
export { readZipEntries } from './zipread.js';
export type { ZipEntry } from './zipread.js';
