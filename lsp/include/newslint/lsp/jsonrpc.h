// JSON-RPC 2.0 messages as LSP uses them: classification of incoming bodies, builders for
// outgoing messages, and the error codes the specification defines.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace newslint::lsp {

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  UnknownErrorCode = -32001,
  RequestFailed = -32803,
  ServerCancelled = -32802,
  ContentModified = -32801,
  RequestCancelled = -32800,
};

/// Thrown by handlers; the dispatcher turns it into an error response.
class RpcError : public std::runtime_error {
public:
  RpcError(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] ErrorCode code() const { return code_; }

private:
  ErrorCode code_;
};

/// An incoming message after validation.
struct Incoming {
  enum class Kind { Request, Notification, Response, Invalid };
  Kind kind = Kind::Invalid;
  nlohmann::json id;                             ///< requests and responses; null when unknown
  std::string method;                            ///< requests and notifications
  nlohmann::json params;                         ///< null when absent
  nlohmann::json result;                         ///< responses
  nlohmann::json error;                          ///< responses that failed; null otherwise
  ErrorCode problem = ErrorCode::InvalidRequest; ///< for Kind::Invalid
  std::string reason;                            ///< for Kind::Invalid
};

/// Parses and validates one message body. Never throws.
Incoming parseMessage(std::string_view body);

nlohmann::json makeResponse(const nlohmann::json& id, nlohmann::json result);
nlohmann::json makeError(const nlohmann::json& id, ErrorCode code, std::string_view message);
nlohmann::json makeNotification(std::string_view method, nlohmann::json params);
nlohmann::json makeRequest(const nlohmann::json& id, std::string_view method,
                           nlohmann::json params);

/// Compact serialisation; invalid UTF-8 in strings is replaced rather than thrown on.
std::string serialize(const nlohmann::json& message);

} // namespace newslint::lsp
