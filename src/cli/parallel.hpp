// Runs independent pieces of work on several threads; the caller keeps the order of what they produce.
#pragma once

#include <cstddef>
#include <functional>

namespace aap::cli {

/// Calls `work(i)` once for every i in [0, count), on up to `jobs` threads (the caller's among them), items
/// taken in increasing order. Returns when every started item has finished. If items throw, the exception
/// of the lowest such index is rethrown (whatever the thread count); items not yet started are skipped.
/// `work` must be safe to call concurrently for different indices.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work);

}  // namespace aap::cli
