// Errors as values: Result<T> holds either a T or an aws::Error.
// Every module boundary returns one; callers decide what a failure means.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "core/util/error.h"

namespace opsreg {

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}           // NOLINT: implicit by design
  Result(aws::Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Preconditions: ok() for value(), !ok() for error().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const aws::Error& error() const { return std::get<1>(v_); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, aws::Error> v_;
};

// A Result with no value: success, or an error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(aws::Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const aws::Error& error() const { return error_; }

 private:
  aws::Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace opsreg
