// Preloaded by the benchmark (`node --import bench/cpu-at-exit.js …`): reports the process's CPU
// time (user + system, all threads) on stderr at exit, so timings survive a busy machine.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`cpu-seconds=${((user + system) / 1e6).toFixed(3)}\n`);
});
