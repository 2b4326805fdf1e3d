"""What a person reads: ``report_html`` (the results of a run as one self-contained page), ``story_page`` (a
reconciliation as one page) and ``report_text`` (a validate report in the terminal)."""
