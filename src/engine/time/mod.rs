//! Time: IANA zones, holiday lists and the business-hours clock.

pub mod clock;
pub mod holidays;
pub mod offsets;
pub mod zone;

/// The entry of `list` that `is`, made by `make` when there is none; the
/// oldest entry is let go to stay within `most`. For the few things a page
/// meets again and again (zones, holiday years): a list is searched in
/// bounded time, and a script asking for many cannot make it grow.
pub fn remembered<T>(
    list: &mut Vec<T>,
    most: usize,
    is: impl Fn(&T) -> bool,
    make: impl FnOnce() -> T,
) -> &mut T {
    let at = match list.iter().position(is) {
        Some(at) => at,
        None => {
            if list.len() >= most {
                list.remove(0);
            }
            list.push(make());
            list.len() - 1
        }
    };
    &mut list[at]
}
