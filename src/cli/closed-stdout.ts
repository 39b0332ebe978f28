// `duo users list --all --json | head -1`: once the reader has what it wants and closes the pipe, the
// next write fails with EPIPE. That is the reader's choice, not a failure: end at once, quietly and
// with exit 0, in every output form, which also stops fetching further pages. (Node reports the
// failed write on the stream, asynchronously; without a listener it would crash with "write EPIPE".)
export function endQuietlyWhenStdoutCloses(stream: NodeJS.WriteStream = process.stdout, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return exit(0)
    throw error
  })
}
