// The in-memory twin of the byte-stream transports, used by the tests' LSP client.
#include "newslint/lsp/transport.h"

#include <vector>

namespace newslint::lsp {

void InMemoryTransport::start(Callbacks callbacks) {
  std::lock_guard lock(mutex_);
  callbacks_ = std::move(callbacks);
  started_ = true;
}

void InMemoryTransport::send(std::string body) {
  std::function<void(std::string)> receiver;
  {
    std::lock_guard lock(mutex_);
    if (!receiver_) {
      early_.push_back(std::move(body));
      return;
    }
    receiver = receiver_;
  }
  receiver(std::move(body));
}

void InMemoryTransport::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
}

void InMemoryTransport::clientSend(std::string body) {
  Callbacks callbacks;
  {
    std::lock_guard lock(mutex_);
    if (!started_ || closed_ || inputClosed_)
      return;
    callbacks = callbacks_;
  }
  callbacks.message(std::move(body));
}

void InMemoryTransport::clientWrite(std::string_view bytes) {
  std::vector<Frame> frames;
  Callbacks callbacks;
  {
    std::lock_guard lock(mutex_);
    if (!started_ || closed_ || inputClosed_)
      return;
    callbacks = callbacks_;
    decoder_.feed(bytes);
    while (auto frame = decoder_.next())
      frames.push_back(std::move(*frame));
  }
  for (auto& frame : frames) {
    if (frame.isError())
      callbacks.framingError(std::move(frame.error));
    else
      callbacks.message(std::move(frame.body));
  }
}

void InMemoryTransport::clientClose() {
  Callbacks callbacks;
  {
    std::lock_guard lock(mutex_);
    if (!started_ || inputClosed_)
      return;
    inputClosed_ = true;
    callbacks = callbacks_;
  }
  callbacks.closed();
}

void InMemoryTransport::setClientReceiver(std::function<void(std::string)> receiver) {
  std::deque<std::string> early;
  {
    std::lock_guard lock(mutex_);
    receiver_ = receiver;
    early.swap(early_);
  }
  for (auto& body : early)
    receiver(std::move(body));
}

bool InMemoryTransport::closedByServer() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

} // namespace newslint::lsp
