// Loaded first (`node --import`) into every process a test starts: ends it with the test run that
// started it, which may itself be killed (a timeout, Ctrl-C) before it can stop its children.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();
