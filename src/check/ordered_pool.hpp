// NAME
//   ordered_pool — run jobs 0..n-1 on worker threads, consume results in order.
// DESCRIPTION
//   ordered_parallel(n, jobs, produce, consume) calls produce(i) for every i
//   on `jobs` worker threads and consume(i, result) on the calling thread in
//   increasing i, each as soon as it and all before it are done, so what the
//   consumer does (printing a report) is the same, byte for byte, as a plain
//   loop. At most 4 * jobs results wait to be consumed at any time: memory
//   stays bounded however many jobs there are. produce must be safe to call
//   from several threads at once; neither may throw.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace pflint::check {

template <class Produce, class Consume>
void ordered_parallel(std::size_t n, unsigned jobs, Produce produce, Consume consume) {
  using Result = decltype(produce(std::size_t{0}));
  if (jobs <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) consume(i, produce(i));
    return;
  }
  const std::size_t window = std::size_t{4} * jobs;
  std::vector<std::optional<Result>> slots(window);  // result of job i in slots[i % window]
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;      // first job not started
  std::size_t consumed = 0;  // first job not consumed
  const auto work = [&] {
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return next >= n || next < consumed + window; });
      if (next >= n) return;
      const std::size_t i = next++;
      lock.unlock();
      Result result = produce(i);
      lock.lock();
      slots[i % window].emplace(std::move(result));
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < jobs; ++t) workers.emplace_back(work);
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<Result> ready;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots[i % window].has_value(); });
      ready.swap(slots[i % window]);
    }
    consume(i, std::move(*ready));
    {
      const std::lock_guard lock(mutex);
      consumed = i + 1;
    }
    changed.notify_all();
  }
  for (std::thread& t : workers) t.join();
}

}  // namespace pflint::check
