// JSON-RPC 2.0 message validation and construction.
#include "newslint/lsp/jsonrpc.h"

namespace newslint::lsp {

using nlohmann::json;

Incoming parseMessage(std::string_view body) {
  Incoming in;
  json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    in.problem = ErrorCode::ParseError;
    in.reason = "message is not valid JSON";
    return in;
  }
  if (!message.is_object()) {
    in.reason = "message is not a JSON object";
    return in;
  }
  const auto id = message.find("id");
  if (id != message.end()) {
    if (id->is_number_integer() || id->is_string() || id->is_null())
      in.id = *id;
    else {
      in.reason = "\"id\" must be an integer or a string";
      return in;
    }
  }
  const auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    in.reason = "\"jsonrpc\" must be \"2.0\"";
    return in;
  }
  const auto method = message.find("method");
  if (method != message.end()) {
    if (!method->is_string()) {
      in.reason = "\"method\" must be a string";
      return in;
    }
    in.method = method->get<std::string>();
    const auto params = message.find("params");
    if (params != message.end()) {
      if (!params->is_object() && !params->is_array() && !params->is_null()) {
        in.reason = "\"params\" must be an object or an array";
        return in;
      }
      in.params = *params;
    }
    if (id == message.end())
      in.kind = Incoming::Kind::Notification;
    else if (in.id.is_null()) {
      in.reason = "a request's \"id\" must not be null";
      return in;
    } else
      in.kind = Incoming::Kind::Request;
    return in;
  }
  // A response to one of our requests.
  if (id == message.end()) {
    in.reason = "message has neither \"method\" nor \"id\"";
    return in;
  }
  const auto result = message.find("result");
  const auto error = message.find("error");
  if ((result == message.end()) == (error == message.end())) {
    in.reason = "a response needs exactly one of \"result\" and \"error\"";
    return in;
  }
  if (result != message.end())
    in.result = *result;
  else
    in.error = *error;
  in.kind = Incoming::Kind::Response;
  return in;
}

json makeResponse(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json makeError(const json& id, ErrorCode code, std::string_view message) {
  return json{{"jsonrpc", "2.0"},
              {"id", id},
              {"error", {{"code", static_cast<int>(code)}, {"message", std::string(message)}}}};
}

json makeNotification(std::string_view method, json params) {
  json out{{"jsonrpc", "2.0"}, {"method", std::string(method)}};
  if (!params.is_null())
    out["params"] = std::move(params);
  return out;
}

json makeRequest(const json& id, std::string_view method, json params) {
  json out{{"jsonrpc", "2.0"}, {"id", id}, {"method", std::string(method)}};
  if (!params.is_null())
    out["params"] = std::move(params);
  return out;
}

std::string serialize(const json& message) {
  return message.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace newslint::lsp
