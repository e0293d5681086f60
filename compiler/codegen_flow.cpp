// Control flow: loops, try/except/finally, try/except*, with and async with, and the frame-block
// stack that `return`, `break` and `continue` unwind (CPython 3.11's compiler_unwind_fblock).
// Handlers are marked with SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH and POP_BLOCK;
// codegen_assemble.cpp turns them into the exception table. Invariant: every SETUP_* is matched by
// a POP_BLOCK on each path that leaves its protected range normally.
#include "compiler/codegen_internal.h"

namespace minipy::compiler::codegen_detail {

namespace {

// CPython's CO_MAXBLOCKS.
constexpr size_t max_static_blocks = 20;

} // namespace

bool Compiler::in_async_function() const {
    return m_units.back()->kind == UnitKind::AsyncFunction;
}

bool Compiler::push_fblock(FBlockKind kind, int32_t block, int32_t exit, const void* datum) {
    Unit& u = unit();
    if (u.fblocks.size() >= max_static_blocks) {
        ast::Position pos{u.loc.line, u.loc.column, u.loc.end_line, u.loc.end_column};
        return fail("too many statically nested blocks", pos);
    }
    u.fblocks.push_back(FBlock{kind, block, exit, datum, u.loc});
    return true;
}

void Compiler::emit_call_exit_with_nones() {
    emit_none();
    emit_none();
    emit_none();
    emit(Opcode::CALL, 2); // [exit, None, None, None]: exit(None, None, None)
}

void Compiler::emit_pop_except_and_reraise() {
    emit(Opcode::COPY, 3);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::RERAISE, 1);
}

bool Compiler::unwind_fblock(const FBlock& block, bool preserve_tos) {
    switch (block.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
    case FBlockKind::ExceptionGroupHandler:
    case FBlockKind::AsyncComprehensionGenerator:
        return true;
    case FBlockKind::ForLoop:
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP); // the iterator
        return true;
    case FBlockKind::TryExcept:
        emit(Opcode::POP_BLOCK);
        return true;
    case FBlockKind::FinallyTry: {
        emit(Opcode::POP_BLOCK);
        if (preserve_tos && !push_fblock(FBlockKind::PopValue, -1, -1, nullptr))
            return false;
        const auto* body = static_cast<const ast::List<ast::Stmt*>*>(block.datum);
        if (!compile_stmts(*body))
            return false;
        if (preserve_tos)
            pop_fblock();
        return true;
    }
    case FBlockKind::FinallyEnd:
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP); // exc_value
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit(Opcode::POP_BLOCK);
        emit(Opcode::POP_EXCEPT);
        return true;
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
        unit().loc = block.loc;
        emit(Opcode::POP_BLOCK);
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit_call_exit_with_nones();
        if (block.kind == FBlockKind::AsyncWith) {
            emit(Opcode::GET_AWAITABLE, 2);
            compile_await_sequence();
        }
        emit(Opcode::POP_TOP);
        return true;
    case FBlockKind::HandlerCleanup: {
        const auto* name = static_cast<const std::string_view*>(block.datum);
        if (name)
            emit(Opcode::POP_BLOCK);
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit(Opcode::POP_BLOCK);
        emit(Opcode::POP_EXCEPT);
        if (name) {
            ast::Position pos{block.loc.line, block.loc.column, block.loc.end_line,
                              block.loc.end_column};
            emit_none();
            if (!emit_name(*name, ast::ExprContext::Store, pos) ||
                !emit_name(*name, ast::ExprContext::Del, pos))
                return false;
        }
        return true;
    }
    case FBlockKind::PopValue:
        if (preserve_tos)
            emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP);
        return true;
    }
    return true;
}

// Unwinds every frame block up to (not including) the innermost loop when `loop` is non-null.
bool Compiler::unwind_fblock_stack(bool preserve_tos, int32_t* loop) {
    Unit& u = unit();
    if (u.fblocks.empty())
        return true;
    FBlock top = u.fblocks.back();
    if (top.kind == FBlockKind::ExceptionGroupHandler) {
        ast::Position pos{u.loc.line, u.loc.column, u.loc.end_line, u.loc.end_column};
        return fail("'break', 'continue' and 'return' cannot appear in an except* block", pos);
    }
    if (loop && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop)) {
        *loop = static_cast<int32_t>(u.fblocks.size() - 1);
        return true;
    }
    Location here = u.loc;
    u.fblocks.pop_back();
    bool ok = unwind_fblock(top, preserve_tos);
    unit().loc = here;
    ok = ok && unwind_fblock_stack(preserve_tos, loop);
    unit().fblocks.push_back(top);
    return ok;
}

bool Compiler::compile_return(const ast::Stmt* stmt) {
    const ast::Expr* value = stmt->as<ast::Return>()->value;
    Unit& u = unit();
    if (!u.scope || u.scope->kind != ScopeKind::Function)
        return fail("'return' outside function", stmt->pos);
    if (value && u.scope->is_coroutine && u.scope->is_generator)
        return fail("'return' with value in async generator", stmt->pos);
    bool preserve_tos = value && value->kind != ast::ExprKind::Constant;
    if (preserve_tos && !compile_expr(value))
        return false;
    set_location(stmt->pos);
    if (!unwind_fblock_stack(preserve_tos, nullptr))
        return false;
    set_location(stmt->pos);
    if (!value)
        emit_none();
    else if (!preserve_tos)
        emit_const(constant_from_ast(value->as<ast::Constant>()));
    emit(Opcode::RETURN_VALUE);
    return true;
}

bool Compiler::compile_break(const ast::Stmt* stmt) {
    int32_t loop = -1;
    if (!unwind_fblock_stack(false, &loop))
        return false;
    if (loop < 0)
        return fail("'break' outside loop", stmt->pos);
    FBlock copy = unit().fblocks[static_cast<size_t>(loop)];
    set_location(stmt->pos);
    if (!unwind_fblock(copy, false))
        return false;
    emit_jump(Opcode::JUMP, copy.exit);
    return true;
}

bool Compiler::compile_continue(const ast::Stmt* stmt) {
    int32_t loop = -1;
    if (!unwind_fblock_stack(false, &loop))
        return false;
    if (loop < 0)
        return fail("'continue' not properly in loop", stmt->pos);
    set_location(stmt->pos);
    emit_jump(Opcode::JUMP, unit().fblocks[static_cast<size_t>(loop)].block);
    return true;
}

// ====== Loops

bool Compiler::compile_while(const ast::While* stmt) {
    int32_t loop = new_block();
    int32_t anchor = new_block();
    int32_t exit = new_block();
    use_block(loop);
    if (!push_fblock(FBlockKind::WhileLoop, loop, exit, nullptr))
        return false;
    if (!compile_jump_if(stmt->test, anchor, false))
        return false;
    if (!compile_stmts(stmt->body))
        return false;
    set_location(stmt->pos);
    emit_jump(Opcode::JUMP, loop);
    pop_fblock();
    use_block(anchor);
    if (!compile_stmts(stmt->orelse))
        return false;
    use_block(exit);
    return true;
}

bool Compiler::compile_for(const ast::For* stmt) {
    int32_t start = new_block();
    int32_t cleanup = new_block();
    int32_t end = new_block();
    if (!push_fblock(FBlockKind::ForLoop, start, end, nullptr))
        return false;
    // `for x in [1, 2]` iterates a constant tuple (ast_opt.c's fold_iter).
    const ast::Expr* iter = stmt->iter;
    bool done = false;
    if (iter->kind == ast::ExprKind::ListExpr) {
        auto elts = iter->as<ast::ListExpr>()->elts;
        ConstantValue folded;
        folded.kind = ConstantKind::Tuple;
        bool all = true;
        for (const ast::Expr* elt : elts) {
            Folded item = elt->kind == ast::ExprKind::Starred
                              ? std::nullopt
                              : fold_expression(elt, m_options.optimize);
            if (!item) {
                all = false;
                break;
            }
            folded.items.push_back(std::move(*item));
        }
        if (all) {
            set_location(iter->pos);
            emit_const(std::move(folded));
            done = true;
        }
    }
    if (!done && !compile_expr(iter))
        return false;
    set_location(stmt->pos);
    emit(Opcode::GET_ITER);
    use_block(start);
    emit_jump(Opcode::FOR_ITER, cleanup);
    if (!compile_store(stmt->target) || !compile_stmts(stmt->body))
        return false;
    unit().loc = Location{};
    emit_jump(Opcode::JUMP, start);
    use_block(cleanup);
    pop_fblock();
    if (!compile_stmts(stmt->orelse))
        return false;
    use_block(end);
    return true;
}

bool Compiler::compile_async_for(const ast::For* stmt) {
    if (!in_async_function())
        return fail("'async for' outside async function", stmt->pos);
    int32_t start = new_block();
    int32_t except = new_block();
    int32_t end = new_block();
    if (!compile_expr(stmt->iter))
        return false;
    set_location(stmt->pos);
    emit(Opcode::GET_AITER);
    use_block(start);
    if (!push_fblock(FBlockKind::ForLoop, start, end, nullptr))
        return false;
    emit_jump(Opcode::SETUP_FINALLY, except);
    emit(Opcode::GET_ANEXT);
    compile_await_sequence();
    emit(Opcode::POP_BLOCK);
    if (!compile_store(stmt->target) || !compile_stmts(stmt->body))
        return false;
    emit_jump(Opcode::JUMP, start);
    pop_fblock();
    use_block(except);
    set_location(stmt->iter->pos);
    emit(Opcode::END_ASYNC_FOR);
    if (!compile_stmts(stmt->orelse))
        return false;
    use_block(end);
    return true;
}

// ====== try statements

bool Compiler::compile_try(const ast::Try* stmt) {
    if (stmt->kind == ast::StmtKind::TryStar) {
        if (stmt->finalbody.empty())
            return compile_try_star_except(stmt);
        return compile_try_finally(stmt);
    }
    if (stmt->finalbody.empty())
        return compile_try_except(stmt);
    return compile_try_finally(stmt);
}

bool Compiler::compile_try_finally(const ast::Try* stmt) {
    int32_t body = new_block();
    int32_t end = new_block();
    int32_t exit = new_block();
    int32_t cleanup = new_block();
    emit_jump(Opcode::SETUP_FINALLY, end);
    use_block(body);
    if (!push_fblock(FBlockKind::FinallyTry, body, end, &stmt->finalbody))
        return false;
    bool ok = stmt->handlers.empty()
                  ? compile_stmts(stmt->body)
                  : (stmt->kind == ast::StmtKind::TryStar ? compile_try_star_except(stmt)
                                                          : compile_try_except(stmt));
    if (!ok)
        return false;
    emit(Opcode::POP_BLOCK);
    pop_fblock();
    if (!compile_stmts(stmt->finalbody))
        return false;
    emit_jump(Opcode::JUMP_NO_INTERRUPT, exit);
    // The exceptional path runs the finally body with the exception on the stack.
    use_block(end);
    unit().loc = Location{};
    emit_jump(Opcode::SETUP_CLEANUP, cleanup);
    emit(Opcode::PUSH_EXC_INFO);
    if (!push_fblock(FBlockKind::FinallyEnd, end, -1, nullptr))
        return false;
    if (!compile_stmts(stmt->finalbody))
        return false;
    pop_fblock();
    unit().loc = Location{};
    emit(Opcode::RERAISE, 0);
    use_block(cleanup);
    emit_pop_except_and_reraise();
    use_block(exit);
    return true;
}

namespace {

// A handler's `as name`, kept alive for the frame block that refers to it.
const std::string_view* handler_name(const ast::ExceptHandler* handler) {
    return handler->has_name ? &handler->name : nullptr;
}

} // namespace

bool Compiler::compile_try_except(const ast::Try* stmt) {
    int32_t body = new_block();
    int32_t except = new_block();
    int32_t end = new_block();
    int32_t cleanup = new_block();
    emit_jump(Opcode::SETUP_FINALLY, except);
    use_block(body);
    if (!push_fblock(FBlockKind::TryExcept, body, -1, nullptr))
        return false;
    if (!compile_stmts(stmt->body))
        return false;
    pop_fblock();
    emit(Opcode::POP_BLOCK);
    if (!compile_stmts(stmt->orelse))
        return false;
    emit_jump(Opcode::JUMP_NO_INTERRUPT, end);
    use_block(except);
    unit().loc = Location{};
    emit_jump(Opcode::SETUP_CLEANUP, cleanup);
    emit(Opcode::PUSH_EXC_INFO);
    if (!push_fblock(FBlockKind::ExceptionHandler, -1, -1, nullptr))
        return false;
    size_t n = stmt->handlers.size();
    for (size_t i = 0; i < n; i++) {
        const ast::ExceptHandler* handler = stmt->handlers[i];
        set_location(handler->pos);
        if (!handler->type && i + 1 < n)
            return fail("default 'except:' must be last", handler->pos);
        int32_t next = new_block();
        if (handler->type) {
            if (!compile_expr(handler->type))
                return false;
            emit(Opcode::CHECK_EXC_MATCH);
            emit_jump(Opcode::POP_JUMP_IF_FALSE, next);
        }
        if (handler->has_name) {
            int32_t cleanup_end = new_block();
            int32_t cleanup_body = new_block();
            if (!emit_name(handler->name, ast::ExprContext::Store, handler->pos))
                return false;
            emit_jump(Opcode::SETUP_CLEANUP, cleanup_end);
            use_block(cleanup_body);
            if (!push_fblock(FBlockKind::HandlerCleanup, cleanup_body, -1, handler_name(handler)))
                return false;
            if (!compile_stmts(handler->body))
                return false;
            pop_fblock();
            set_location(handler->pos);
            emit(Opcode::POP_BLOCK);
            emit(Opcode::POP_BLOCK);
            emit(Opcode::POP_EXCEPT);
            emit_none();
            if (!emit_name(handler->name, ast::ExprContext::Store, handler->pos) ||
                !emit_name(handler->name, ast::ExprContext::Del, handler->pos))
                return false;
            emit_jump(Opcode::JUMP, end);
            // An exception inside the handler: unbind the name, then re-raise.
            use_block(cleanup_end);
            unit().loc = Location{};
            emit_none();
            if (!emit_name(handler->name, ast::ExprContext::Store, handler->pos) ||
                !emit_name(handler->name, ast::ExprContext::Del, handler->pos))
                return false;
            emit(Opcode::RERAISE, 1);
        } else {
            int32_t cleanup_body = new_block();
            emit(Opcode::POP_TOP); // the exception
            use_block(cleanup_body);
            if (!push_fblock(FBlockKind::HandlerCleanup, cleanup_body, -1, nullptr))
                return false;
            if (!compile_stmts(handler->body))
                return false;
            pop_fblock();
            set_location(handler->pos);
            emit(Opcode::POP_BLOCK);
            emit(Opcode::POP_EXCEPT);
            emit_jump(Opcode::JUMP, end);
        }
        use_block(next);
    }
    pop_fblock();
    unit().loc = Location{};
    emit(Opcode::RERAISE, 0);
    use_block(cleanup);
    emit_pop_except_and_reraise();
    use_block(end);
    return true;
}

bool Compiler::compile_try_star_except(const ast::Try* stmt) {
    int32_t body = new_block();
    int32_t except = new_block();
    int32_t orelse = new_block();
    int32_t end = new_block();
    int32_t cleanup = new_block();
    int32_t reraise_star = new_block();
    emit_jump(Opcode::SETUP_FINALLY, except);
    use_block(body);
    if (!push_fblock(FBlockKind::TryExcept, body, -1, nullptr))
        return false;
    if (!compile_stmts(stmt->body))
        return false;
    pop_fblock();
    emit(Opcode::POP_BLOCK);
    emit_jump(Opcode::JUMP, orelse);
    use_block(except);
    unit().loc = Location{};
    emit_jump(Opcode::SETUP_CLEANUP, cleanup);
    emit(Opcode::PUSH_EXC_INFO);
    if (!push_fblock(FBlockKind::ExceptionGroupHandler, -1, -1, nullptr))
        return false;
    size_t n = stmt->handlers.size();
    for (size_t i = 0; i < n; i++) {
        const ast::ExceptHandler* handler = stmt->handlers[i];
        set_location(handler->pos);
        int32_t next_exc = new_block();
        int32_t except_with_error = new_block();
        int32_t no_match = new_block();
        if (i == 0) {
            // [exc] -> [orig, [], exc]: the original group and the list of raised exceptions.
            emit(Opcode::COPY, 1);
            emit(Opcode::BUILD_LIST, 0);
            emit(Opcode::SWAP, 2);
        }
        if (handler->type) {
            if (!compile_expr(handler->type))
                return false;
            emit(Opcode::CHECK_EG_MATCH);
            emit(Opcode::COPY, 1);
            emit_jump(Opcode::POP_JUMP_IF_NONE, no_match);
        }
        int32_t cleanup_end = new_block();
        int32_t cleanup_body = new_block();
        if (handler->has_name) {
            if (!emit_name(handler->name, ast::ExprContext::Store, handler->pos))
                return false;
        } else {
            emit(Opcode::POP_TOP);
        }
        emit_jump(Opcode::SETUP_CLEANUP, cleanup_end);
        use_block(cleanup_body);
        if (!push_fblock(FBlockKind::HandlerCleanup, cleanup_body, -1, handler_name(handler)))
            return false;
        if (!compile_stmts(handler->body))
            return false;
        pop_fblock();
        emit(Opcode::POP_BLOCK);
        if (handler->has_name) {
            emit_none();
            if (!emit_name(handler->name, ast::ExprContext::Store, handler->pos) ||
                !emit_name(handler->name, ast::ExprContext::Del, handler->pos))
                return false;
        }
        emit_jump(Opcode::JUMP, next_exc);
        use_block(cleanup_end);
        unit().loc = Location{};
        if (handler->has_name) {
            emit_none();
            if (!emit_name(handler->name, ast::ExprContext::Store, handler->pos) ||
                !emit_name(handler->name, ast::ExprContext::Del, handler->pos))
                return false;
        }
        emit(Opcode::LIST_APPEND, 3); // the raised exception joins the list
        emit(Opcode::POP_TOP);        // lasti
        emit_jump(Opcode::JUMP, except_with_error);
        use_block(next_exc);
        emit(Opcode::NOP);
        emit_jump(Opcode::JUMP, except_with_error);
        use_block(no_match);
        emit(Opcode::POP_TOP); // match (None)
        use_block(except_with_error);
        if (i + 1 == n) {
            emit(Opcode::LIST_APPEND, 1); // the unhandled rest
            emit_jump(Opcode::JUMP, reraise_star);
        }
    }
    pop_fblock();
    int32_t reraise = new_block();
    use_block(reraise_star);
    unit().loc = Location{};
    emit(Opcode::PREP_RERAISE_STAR);
    emit(Opcode::COPY, 1);
    emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
    emit(Opcode::POP_TOP);
    emit(Opcode::POP_BLOCK);
    emit(Opcode::POP_EXCEPT);
    emit_jump(Opcode::JUMP, end);
    use_block(reraise);
    emit(Opcode::POP_BLOCK);
    emit(Opcode::SWAP, 2);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::RERAISE, 0);
    use_block(cleanup);
    emit_pop_except_and_reraise();
    use_block(orelse);
    if (!compile_stmts(stmt->orelse))
        return false;
    use_block(end);
    return true;
}

// ====== with statements

bool Compiler::compile_with_except_finish(int32_t cleanup) {
    int32_t exit = new_block();
    emit_jump(Opcode::POP_JUMP_IF_TRUE, exit);
    emit(Opcode::RERAISE, 2);
    use_block(cleanup);
    emit_pop_except_and_reraise();
    use_block(exit);
    emit(Opcode::POP_TOP); // exc_value
    emit(Opcode::POP_BLOCK);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::POP_TOP);
    emit(Opcode::POP_TOP);
    return true;
}

bool Compiler::compile_with(const ast::With* stmt, size_t item_index, bool is_async) {
    if (is_async && !in_async_function())
        return fail("'async with' outside async function", stmt->pos);
    const ast::WithItem* item = stmt->items[item_index];
    int32_t block = new_block();
    int32_t final = new_block();
    int32_t exit = new_block();
    int32_t cleanup = new_block();
    // `async with` awaits what __aenter__ and __aexit__ return.
    auto await_result = [&](int32_t where) {
        emit(Opcode::GET_AWAITABLE, where);
        compile_await_sequence();
    };
    if (!compile_expr(item->context_expr))
        return false;
    set_location(stmt->pos);
    if (is_async) {
        emit(Opcode::BEFORE_ASYNC_WITH);
        await_result(1);
    } else {
        emit(Opcode::BEFORE_WITH);
    }
    emit_jump(Opcode::SETUP_WITH, final);
    use_block(block);
    if (!push_fblock(is_async ? FBlockKind::AsyncWith : FBlockKind::With, block, final, stmt))
        return false;
    if (item->optional_vars) {
        if (!compile_store(item->optional_vars))
            return false;
    } else {
        emit(Opcode::POP_TOP);
    }
    bool ok = item_index + 1 == stmt->items.size() ? compile_stmts(stmt->body)
                                                   : compile_with(stmt, item_index + 1, is_async);
    if (!ok)
        return false;
    pop_fblock();
    set_location(stmt->pos);
    emit(Opcode::POP_BLOCK);
    emit_call_exit_with_nones();
    if (is_async)
        await_result(2);
    emit(Opcode::POP_TOP);
    emit_jump(Opcode::JUMP, exit);
    use_block(final);
    emit_jump(Opcode::SETUP_CLEANUP, cleanup);
    emit(Opcode::PUSH_EXC_INFO);
    emit(Opcode::WITH_EXCEPT_START);
    if (is_async)
        await_result(2);
    compile_with_except_finish(cleanup);
    use_block(exit);
    return true;
}

} // namespace minipy::compiler::codegen_detail
