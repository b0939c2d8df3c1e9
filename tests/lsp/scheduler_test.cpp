// The scheduler's disposal of what the server lets go of: freed on a worker, never on the
// thread that hands it over, and at once when the workers have stopped.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

#include "server_impl.h"

namespace newslint::lsp::test {
namespace {

/// Tells, when destroyed, on which thread that happened.
class Tracked {
public:
  explicit Tracked(std::promise<std::thread::id>& destroyed) : destroyed_(destroyed) {}
  Tracked(const Tracked&) = delete;
  Tracked& operator=(const Tracked&) = delete;
  ~Tracked() { destroyed_.set_value(std::this_thread::get_id()); }

private:
  std::promise<std::thread::id>& destroyed_;
};

TEST(SchedulerDispose, FreesOnAWorkerThread) {
  boost::asio::io_context io;
  Scheduler scheduler(boost::asio::make_strand(io), DebouncePolicy::manualOnly(), 1);
  std::promise<std::thread::id> destroyed;
  std::future<std::thread::id> where = destroyed.get_future();
  std::vector<std::shared_ptr<const void>> garbage;
  garbage.push_back(std::make_shared<const Tracked>(destroyed));
  scheduler.dispose(std::move(garbage));
  ASSERT_EQ(where.wait_for(std::chrono::seconds(30)), std::future_status::ready);
  EXPECT_NE(where.get(), std::this_thread::get_id());
}

TEST(SchedulerDispose, AnObjectStillInUseIsNotFreed) {
  boost::asio::io_context io;
  Scheduler scheduler(boost::asio::make_strand(io), DebouncePolicy::manualOnly(), 1);
  std::promise<std::thread::id> keptDestroyed;
  std::future<std::thread::id> keptWhere = keptDestroyed.get_future();
  std::promise<std::thread::id> markerDestroyed;
  std::future<std::thread::id> disposed = markerDestroyed.get_future();
  auto kept = std::make_shared<const Tracked>(keptDestroyed);
  scheduler.dispose({kept});
  // One worker runs the disposals in order: when the marker is gone, so is the first one.
  scheduler.dispose({std::make_shared<const Tracked>(markerDestroyed)});
  ASSERT_EQ(disposed.wait_for(std::chrono::seconds(30)), std::future_status::ready);
  EXPECT_EQ(keptWhere.wait_for(std::chrono::seconds(0)), std::future_status::timeout);
  kept.reset();
  ASSERT_EQ(keptWhere.wait_for(std::chrono::seconds(0)), std::future_status::ready);
  EXPECT_EQ(keptWhere.get(), std::this_thread::get_id());
}

TEST(SchedulerDispose, AfterStopFreesAtOnce) {
  boost::asio::io_context io;
  Scheduler scheduler(boost::asio::make_strand(io), DebouncePolicy::manualOnly(), 1);
  scheduler.stop();
  std::promise<std::thread::id> destroyed;
  std::future<std::thread::id> where = destroyed.get_future();
  scheduler.dispose({std::make_shared<const Tracked>(destroyed)});
  ASSERT_EQ(where.wait_for(std::chrono::seconds(0)), std::future_status::ready);
  EXPECT_EQ(where.get(), std::this_thread::get_id());
}

} // namespace
} // namespace newslint::lsp::test
