#pragma once
// Godot's error guards: ERR_FAIL_* return from the function when the condition holds, after
// printing where (function, file, line) and the message, as Godot's core/error/error_macros.h does.

#include <string>

namespace godot {
void _err_print_error(const char *p_function, const char *p_file, int p_line, const char *p_condition, const char *p_message);
}

#define _ERR_PRINT(m_cond, m_msg) ::godot::_err_print_error(__FUNCTION__, __FILE__, __LINE__, m_cond, m_msg)

#define ERR_FAIL_COND(m_cond)                                      \
	if (m_cond) {                                                  \
		_ERR_PRINT("Condition \"" #m_cond "\" is true.", nullptr); \
		return;                                                    \
	} else                                                         \
		((void)0)
#define ERR_FAIL_COND_MSG(m_cond, m_msg)                                            \
	if (m_cond) {                                                                   \
		_ERR_PRINT("Condition \"" #m_cond "\" is true.", ::godot::_err_msg(m_msg)); \
		return;                                                                     \
	} else                                                                          \
		((void)0)
#define ERR_FAIL_COND_V(m_cond, m_retval)                                                \
	if (m_cond) {                                                                        \
		_ERR_PRINT("Condition \"" #m_cond "\" is true. Returning: " #m_retval, nullptr); \
		return m_retval;                                                                 \
	} else                                                                               \
		((void)0)
#define ERR_FAIL_COND_V_MSG(m_cond, m_retval, m_msg)                                                      \
	if (m_cond) {                                                                                         \
		_ERR_PRINT("Condition \"" #m_cond "\" is true. Returning: " #m_retval, ::godot::_err_msg(m_msg)); \
		return m_retval;                                                                                  \
	} else                                                                                                \
		((void)0)
#define ERR_FAIL_NULL_MSG(m_ptr, m_msg) ERR_FAIL_COND_MSG((m_ptr) == nullptr, m_msg)
#define ERR_FAIL_NULL(m_ptr) ERR_FAIL_COND((m_ptr) == nullptr)
#define ERR_FAIL_NULL_V(m_ptr, m_retval) ERR_FAIL_COND_V((m_ptr) == nullptr, m_retval)
#define ERR_FAIL_NULL_V_MSG(m_ptr, m_retval, m_msg) ERR_FAIL_COND_V_MSG((m_ptr) == nullptr, m_retval, m_msg)
#define ERR_PRINT(m_msg) _ERR_PRINT(nullptr, ::godot::_err_msg(m_msg))
#define WARN_PRINT(m_msg) ::godot::print_warning(m_msg)

namespace godot {
inline const char *_err_msg(const char *p_msg) { return p_msg; }
inline const char *_err_msg(const std::string &p_msg) { return p_msg.c_str(); }
} // namespace godot
