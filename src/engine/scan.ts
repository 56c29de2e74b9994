/** The engine's corpus scan: the loader's own (src/corpus/scan.ts), so both pick and skip files alike. */
export {
  type CorpusScan,
  hashBytes,
  type ScannedFile,
  type ScanOptions,
  scanCorpus,
} from '../corpus/scan.ts';
