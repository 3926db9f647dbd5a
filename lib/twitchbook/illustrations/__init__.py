"""Figure builders for the lessons: each module draws one kind of figure and returns it.

They return plotly figures and never display them; lessons pass them to twitchbook.show.
"""
