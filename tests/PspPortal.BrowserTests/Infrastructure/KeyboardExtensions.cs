using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests.Infrastructure;

/// <summary>Driving the portal as a keyboard user does: Tab and Shift+Tab from one control to the next, Enter, Space
/// and the arrow keys, and typing. Wherever focus lands it must be visible (WCAG 2.4.7): an outline around an element
/// on the screen (or, for a design-system checkbox, around the box its label draws).</summary>
public static class KeyboardExtensions
{
    /// <summary>Where focus is, whether it is on <c>target</c>, and whether a sighted user can see it.</summary>
    private const string FocusScript = """
        async target => {
            const el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) {
                return { hit: false, visible: false, what: 'nothing (the page itself)' };
            }
            // Judge focus where it comes to rest: the skip link, for one, slides into view.
            await Promise.all(el.getAnimations().map(a => a.finished.catch(() => null)));
            const ring = (style, box) => ({
                // An outline, as the design system draws focus: a shadow would not do, it also draws the borders of buttons.
                drawn: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
                onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
                box,
                style,
            });
            let focus = ring(getComputedStyle(el), el.getBoundingClientRect());
            // A design-system checkbox or radio button hides its input and draws the box, and its focus, before its label.
            if (!(focus.drawn && focus.onScreen) && el.labels && el.labels.length) {
                const label = el.labels[0];
                const before = ring(getComputedStyle(label, '::before'), label.getBoundingClientRect());
                if (before.drawn && before.onScreen) {
                    focus = before;
                }
            }
            const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('name') || '').trim().replace(/\s+/g, ' ').slice(0, 60);
            const why = !focus.drawn ? ` (outline ${focus.style.outlineStyle})`
                : !focus.onScreen ? ` (off screen at ${Math.round(focus.box.left)},${Math.round(focus.box.top)})` : '';
            return { hit: el === target, visible: focus.drawn && focus.onScreen, what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${name}"${why}` };
        }
        """;

    /// <summary>Presses Tab (or Shift+Tab with <paramref name="backwards"/>) until <paramref name="target"/> has focus,
    /// and fails when it is never reached or when focus was invisible at any stop on the way.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target, bool backwards = false, int maxPresses = 200)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        var key = backwards ? "Shift+Tab" : "Tab";
        var stops = new List<string>();
        var invisible = new List<string>();
        for (var press = 0; press < maxPresses; press++)
        {
            await page.Keyboard.PressAsync(key);
            var stop = await target.EvaluateAsync<FocusStop>(FocusScript);
            stops.Add(stop.What);
            if (!stop.Visible)
            {
                invisible.Add(stop.What);
            }

            if (stop.Hit)
            {
                Assert.True(invisible.Count == 0, $"Focus was not visible at: {string.Join("; ", invisible)} (on {page.Url})");
                return;
            }
        }

        Assert.Fail($"{key} never reached {target} on {page.Url} in {maxPresses} presses; focus went: {string.Join(" → ", stops.Take(60))}");
    }

    /// <summary>Fails unless <paramref name="target"/> has focus and the focus can be seen.</summary>
    public static async Task AssertFocusVisibleAsync(this ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        await Expect(target).ToBeFocusedAsync();
        var stop = await target.EvaluateAsync<FocusStop>(FocusScript);
        Assert.True(stop.Hit && stop.Visible, $"Focus on {stop.What} is not visible");
    }

    /// <summary>Presses <paramref name="key"/> on what has focus (a link, a button, a field of a form) and waits until
    /// the page it leads to has loaded.</summary>
    public static async Task PressForNewPageAsync(this IPage page, string key = "Enter")
    {
        ArgumentNullException.ThrowIfNull(page);
        var navigated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
            {
                navigated.TrySetResult();
            }
        }

        page.FrameNavigated += OnNavigated;
        try
        {
            await page.Keyboard.PressAsync(key);
            await navigated.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }

        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Moves a focused, closed select with the arrow keys (from its first option, Home) until it shows
    /// <paramref name="option"/>.</summary>
    public static async Task ChooseWithArrowsAsync(this IPage page, ILocator select, string option)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(select);
        await Expect(select).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        var shown = await SelectedAsync(select);
        var seen = new List<string> { shown };
        while (shown != option)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            var next = await SelectedAsync(select);
            Assert.True(next != shown, $"The arrow keys never showed \"{option}\" in {select}; they showed {string.Join(", ", seen)}");
            shown = next;
            seen.Add(shown);
        }
    }

    /// <summary>Types a date into a focused date field, as the field asks for it in the browser's locale (en-US:
    /// month, day, year).</summary>
    public static async Task TypeDateAsync(this IPage page, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Keyboard.TypeAsync(date.ToString("MMddyyyy", CultureInfo.InvariantCulture));
    }

    private static async Task<string> SelectedAsync(ILocator select) =>
        await select.EvaluateAsync<string>("s => s.selectedOptions.length ? s.selectedOptions[0].text.trim() : ''");

    /// <summary>One stop of focus, as <see cref="FocusScript"/> tells it (Playwright fills it through its setters).</summary>
    private sealed class FocusStop
    {
        public bool Hit { get; set; }
        public bool Visible { get; set; }
        public string What { get; set; } = string.Empty;
    }
}
