// Work-done progress: `window/workDoneProgress/create`, then `$/progress` begin, report
// and end. Nothing is sent before the client accepted the token, and nothing at all when
// it does not support server-initiated progress.
#include "server_impl.h"

namespace newslint::lsp {

void WorkDoneProgress::begin(const std::string& title, const std::string& message) {
  if (!server_.client().workDoneProgress) {
    state_ = State::Unsupported;
    return;
  }
  begin_ = json{{"kind", "begin"},
                {"title", title},
                {"message", message},
                {"percentage", 0},
                {"cancellable", false}};
  state_ = State::Creating;
  server_.request("window/workDoneProgress/create", json{{"token", token_}},
                  // Owned by the pending request: an operation that ends before the
                  // client answers still gets its begin/end once the token exists.
                  [self = shared_from_this()](const json&, const json& error) {
                    if (self->state_ != State::Creating)
                      return;
                    self->onCreated(error);
                  });
}

void WorkDoneProgress::onCreated(const json& error) {
  if (!error.is_null()) {
    state_ = State::Unsupported;
    return;
  }
  state_ = State::Active;
  flush();
}

void WorkDoneProgress::report(const std::string& message, uint32_t percentage) {
  if (state_ != State::Creating && state_ != State::Active)
    return;
  report_ =
      json{{"kind", "report"}, {"message", message}, {"percentage", std::min(percentage, 100u)}};
  if (state_ == State::Active)
    flush();
}

void WorkDoneProgress::end(const std::string& message) {
  if (state_ != State::Creating && state_ != State::Active)
    return;
  end_ = json{{"kind", "end"}, {"message", message}};
  if (state_ == State::Active)
    flush();
}

void WorkDoneProgress::flush() {
  if (begin_)
    server_.notify("$/progress", json{{"token", token_}, {"value", std::move(*begin_)}});
  if (report_)
    server_.notify("$/progress", json{{"token", token_}, {"value", std::move(*report_)}});
  if (end_) {
    server_.notify("$/progress", json{{"token", token_}, {"value", std::move(*end_)}});
    state_ = State::Done;
  }
  begin_.reset();
  report_.reset();
  end_.reset();
}

} // namespace newslint::lsp
