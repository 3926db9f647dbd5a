"""Quiz HTML: answerable without a kernel or script, stable from run to run, and escaped."""

from bs4 import BeautifulSoup
from twitchbook.quiz import question_html, question_text
from twitchbook.schema import Question

QUESTION = Question.model_validate(
    {
        "id": "q01-sample",
        "section": "Where the nerve is squeezed",
        "stem": "Which <b>vessel</b> most often presses on the nerve?",
        "choices": [
            {"id": "a", "text": "A vein", "feedback": "Veins are rare offenders."},
            {
                "id": "b",
                "text": "An artery <script>alert(1)</script>",
                "feedback": "Yes & well done.",
            },
            {"id": "c", "text": "A tumour", "feedback": "Tumours are rare."},
        ],
        "answer": "b",
        "references": [],
    }
)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def render(context: str = "01_facial_nerve") -> str:
    return question_html(QUESTION, "01_facial_nerve", 2, 5, context)


def test_each_choice_is_a_labelled_radio_button_in_one_group():
    page = soup(render())
    radios = page.select("input[type=radio]")
    assert [r["value"] for r in radios] == ["a", "b", "c"]
    assert len({r["name"] for r in radios}) == 1
    for radio in radios:
        label = page.find("label", attrs={"for": radio["id"]})
        assert label is not None and label.get_text(strip=True)


def test_the_group_has_a_legend_naming_the_question():
    legend = soup(render()).find("legend").get_text(" ", strip=True)
    assert legend.startswith("Question 2 of 5.")
    assert "Which <b>vessel</b> most often" in legend


def test_exactly_one_choice_is_marked_correct_and_it_is_the_answer():
    radios = soup(render()).select("input[data-correct=true]")
    assert [r["value"] for r in radios] == ["b"]


def test_feedback_says_right_or_wrong_in_words_not_colour_alone():
    verdicts = [p.strong.get_text() for p in soup(render()).select(".tb-feedback")]
    assert verdicts == ["✗ Not quite.", "✓ Correct.", "✗ Not quite."]


def test_answer_is_hidden_in_details_and_links_back_to_the_section():
    details = soup(render()).select_one("details.tb-answer")
    assert details.summary.get_text() == "Show the answer"
    assert not details.has_attr("open")
    assert "Answer: B." in details.get_text()
    assert details.select_one("a.tb-back").get_text() == "Review: Where the nerve is squeezed"


def test_text_from_the_bank_is_escaped_never_run():
    html = render()
    assert "<script>" not in html and "<b>vessel</b>" not in html
    assert "&lt;script&gt;" in html and "Yes &amp; well done." in html


def test_output_is_identical_on_every_run():
    assert render() == render()


def test_ids_differ_between_a_lesson_and_the_review_so_both_can_be_open():
    lesson_ids = {e["id"] for e in soup(render()).select("[id]")}
    review_ids = {e["id"] for e in soup(render("review")).select("[id]")}
    assert lesson_ids and not lesson_ids & review_ids


def test_plain_text_twin_lists_choices_but_never_the_answer():
    text = question_text(QUESTION, 2, 5)
    assert "A. A vein" in text and "C. A tumour" in text
    assert "Correct" not in text and "well done" not in text


def test_presenter_mode_is_never_written_into_the_quiz():
    """A lesson saved while presenting must still give students their verdicts."""
    from twitchbook.presenter import presenter_mode

    presenter_mode(True)
    try:
        presenting = render()
    finally:
        presenter_mode(False)
    assert presenting == render()
    assert "tb-presenting" not in presenting


def test_arrow_and_letter_keys_in_the_choices_are_left_to_the_page_by_jupyterlab():
    radios = soup(render()).select(".tb-choices input[type=radio]")
    assert [r["data-lm-suppress-shortcuts"] for r in radios] == ["true"] * 3


def test_review_link_uses_the_heading_id_jupyterlab_gives():
    link = soup(render()).select_one("a.tb-back")
    assert link["href"] == "01_facial_nerve.ipynb#Where-the-nerve-is-squeezed"
