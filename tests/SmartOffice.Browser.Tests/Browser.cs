using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace SmartOffice.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by its chromedriver (both installed by test.sh), headless, with the flags SERVICES.md asks
/// for on a closed network. Never downloads a browser or driver.
/// </summary>
internal sealed class Browser : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string DriverPath = "/usr/bin/chromedriver";
    private readonly string _profile;

    private Browser(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    public static Browser Open(int width = 1280, int height = 900)
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            var message =
                $"{ChromiumPath} and {DriverPath} are needed: run ./test.sh, which installs Debian's chromium and "
                + $"chromium-driver";
            if (Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_BROWSER") == "1")
            {
                Assert.Fail(message);
            }

            Assert.Inconclusive(message);
        }

        var profile = Directory.CreateTempSubdirectory("smartoffice-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        // Files the user downloads land in the profile's own folder, without asking.
        options.AddUserProfilePreference("download.default_directory", Path.Combine(profile, "downloads"));
        options.AddUserProfilePreference("download.prompt_for_download", false);
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-extensions",
            "--lang=mn",
            $"--user-data-dir={profile}",
            $"--window-size={width},{height}"
        );
        var service = ChromeDriverService.CreateDefaultService(
            Path.GetDirectoryName(DriverPath)!,
            Path.GetFileName(DriverPath)
        );
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return new Browser(driver, profile);
    }

    public void Go(string url) => Driver.Navigate().GoToUrl(url);

    /// <summary>The folder downloads go to.</summary>
    public string Downloads => Path.Combine(_profile, "downloads");

    /// <summary>Waits for a finished download named like <paramref name="pattern"/>; returns its path.</summary>
    public string WaitForDownload(string pattern) =>
        Wait(
            _ =>
                Directory.Exists(Downloads)
                    ? Directory
                        .GetFiles(Downloads, pattern)
                        .FirstOrDefault(f => !f.EndsWith(".crdownload", StringComparison.Ordinal))
                    : null,
            $"a downloaded file {pattern}"
        );

    public IWebElement Find(string css) =>
        Wait(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed), $"an element '{css}'");

    public void Type(string css, string text)
    {
        var element = Find(css);
        element.Clear();
        element.SendKeys(text);
    }

    public void Click(string css) => Find(css).Click();

    public string PageText => Driver.FindElement(By.TagName("body")).Text;

    /// <summary>Waits until the page shows <paramref name="text"/> (up to 20 s).</summary>
    public void WaitForText(string text) =>
        WaitUntil(
            d => d.FindElement(By.TagName("body")).Text.Contains(text, StringComparison.Ordinal),
            $"the text '{text}'"
        );

    public void WaitForPath(string path) => WaitUntil(d => new Uri(d.Url).AbsolutePath == path, $"the page {path}");

    public void WaitUntil(Func<IWebDriver, bool> condition, string what) =>
        Wait<object>(d => condition(d) ? true : null, what);

    public T Wait<T>(Func<IWebDriver, T?> condition, string what)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(20))
        {
            PollingInterval = TimeSpan.FromMilliseconds(100),
        };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            return wait.Until(d => condition(d))!;
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"Waited 20 s for {what} on {Driver.Url}. The page says: {Truncate(PageText)}");
            throw;
        }
    }

    /// <summary>
    /// What a screen reader and a phone need from every page, checked in the real DOM: each visible control has an
    /// accessible name (label, aria-label/-labelledby, or a button's text), the page has one h1, and nothing makes the
    /// page scroll sideways at the window's width. Returns the problems, one per line ("" when none).
    /// </summary>
    public string AccessibilityProblems() =>
        string.Join(
            '\n',
            new[] { (string)Driver.ExecuteScript(AccessibilityScript)!, AxeViolations() }.Where(p => p.Length > 0)
        );

    /// <summary>
    /// axe-core's serious and critical violations of the page, and two rules whatever their impact: a link or button
    /// whose accessible name does not contain its visible text, and landmarks that share a name. One per line.
    /// </summary>
    public string AxeViolations()
    {
        Driver.ExecuteScript(s_axe.Value);
        return (string)
            Driver.ExecuteAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } } })
                    .then(r => done(r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical'
                            || v.id === 'label-content-name-mismatch' || v.id === 'landmark-unique')
                        .map(v => 'axe ' + v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
                        .join('\n')))
                    .catch(e => done('axe failed: ' + e));
                """
            )!;
    }

    // npm ci in tests/tools/axe (test.sh) installs it; the tests fail, not skip, without it.
    private static readonly Lazy<string> s_axe = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(
                folder.FullName,
                "tests",
                "tools",
                "axe",
                "node_modules",
                "axe-core",
                "axe.min.js"
            );
            if (File.Exists(script))
            {
                return File.ReadAllText(script);
            }
        }

        throw new InvalidOperationException("axe-core is missing: run npm ci --prefix tests/tools/axe");
    });

    private const string AccessibilityScript = """
        const problems = [];
        const nameOf = id => (id && document.getElementById(id)?.textContent) || '';
        for (const e of document.querySelectorAll('input, select, textarea, button')) {
            if (e.type === 'hidden' || (e.offsetParent === null && e.type !== 'file')) continue;
            const name = [...(e.labels || [])].map(l => l.textContent).join(' ') + (e.getAttribute('aria-label') || '')
                + (e.getAttribute('aria-labelledby') || '').split(' ').map(nameOf).join(' ')
                + (e.tagName === 'BUTTON' ? e.textContent : '')
                + ((e.type === 'submit' || e.type === 'button') ? e.value : '');
            if (!name.trim()) problems.push('no label: ' + e.outerHTML.slice(0, 160));
        }
        const h1 = document.querySelectorAll('h1').length;
        if (h1 !== 1) problems.push(h1 + ' h1 elements');
        if (document.documentElement.scrollWidth > window.innerWidth + 1)
            problems.push('scrolls sideways: ' + document.documentElement.scrollWidth + 'px content in a '
                + window.innerWidth + 'px window');
        return problems.join('\n');
        """;

    /// <summary>
    /// Presses Tab until an element matching <paramref name="css"/> has the focus; fails after 80 presses.
    /// </summary>
    public void TabTo(string css)
    {
        var body = Driver.FindElement(By.TagName("body"));
        for (var i = 0; i < 80; i++)
        {
            new OpenQA.Selenium.Interactions.Actions(Driver).SendKeys(Keys.Tab).Perform();
            if (
                (bool)
                    Driver.ExecuteScript(
                        "return document.activeElement && document.activeElement.matches(arguments[0]);",
                        css
                    )!
            )
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached '{css}' on {Driver.Url}");
    }

    /// <summary>
    /// Saves a screenshot when SMARTOFFICE_SCREENSHOT_DIR is set (scripts/screenshots.sh sets it to docs/screenshots).
    /// </summary>
    public void Screenshot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("SMARTOFFICE_SCREENSHOT_DIR");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing its profile; the temp folder is cleaned by the OS.
        }
    }

    private static string Truncate(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
