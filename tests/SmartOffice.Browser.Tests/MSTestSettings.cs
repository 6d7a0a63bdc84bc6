// Browser tests drive one Chromium each and share the machine's two cores: run them one after another.
[assembly: DoNotParallelize]
