//! Actions on priorities: the root cause found through a "why?" chain, an owner, an action,
//! a due date and a status. (Being written; see issue 6.)
