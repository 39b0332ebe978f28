// Loaded with --import into benchmarked children: reports the process's peak resident memory (KiB)
// on stderr at exit, so memory is measured by the process itself, the same way for every side.
process.on('exit', () => {
  process.stderr.write(`duo-bench-rss:${process.resourceUsage().maxRSS}\n`)
})
