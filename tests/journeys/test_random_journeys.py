"""A model-based journey: random orders of typing, walking the agenda, switching tabs, editing
the agenda and restarting, each step checked against a plain model of what she typed."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from journey_driver import NOTES_FIELDS, Secretary

from taskforce_desktop.core import services

# QTest types ASCII only (it aborts on other characters); the X window journey types the rest.
WORDS = st.sampled_from(
    ["Welkom.", "De wethouder", "licht toe", "ter kennisname", "Akkoord!", "vervolg", "(zie bijlage)"]
)
STEPS_RUN = []


def _journey_machine(qtbot, make_window, store):
    class SecretaryAtWork(RuleBasedStateMachine):
        """The model is ``she.typed``: per point and field, the text she has typed so far."""

        @initialize()
        def open_a_new_meeting(self):
            committee = services.create_committee(store, f"Taskforce {len(STEPS_RUN)}")
            meeting_id = services.create_meeting(
                store, committee.id, date="2031-10-03", title="Oktoberoverleg"
            )
            for title in ("Opening", "Dienstverlening", "Rondvraag"):
                services.add_agenda_item(store, meeting_id, title)
            window = make_window()
            window.open_meeting(meeting_id)
            window.show_tab(window.tabs.indexOf(window.notes_tab))
            self.she = Secretary(qtbot, window)
            self.presenters: dict[int, str] = {}

        @rule(text=WORDS, field=st.sampled_from(NOTES_FIELDS))
        def type_in_the_point_on_screen(self, text, field):
            window = self.she.window
            if window.tabs.currentWidget() is not window.notes_tab:
                window.show_tab(window.tabs.indexOf(window.notes_tab))
            self.she.type_notes(" " + text, field)

        @rule()
        def next_point(self):
            self.she.next_point()

        @rule()
        def previous_point(self):
            self.she.previous_point()

        @rule(tab=st.sampled_from(["meeting_tab", "attendees_tab", "agenda_tab", "notes_tab"]))
        def switch_tab(self, tab):
            window = self.she.window
            window.show_tab(window.tabs.indexOf(getattr(window, tab)))

        @rule(name=st.sampled_from(["Anna de Vries", "Bram Jansen", ""]))
        def set_the_presenter_on_the_agenda_tab(self, name):
            window = self.she.window
            window.show_tab(window.tabs.indexOf(window.agenda_tab))
            item_id = window.session.current_item_id
            model = window.agenda_tab.model
            model.setData(model.index(model.row_of(item_id), model.column_of("presenter")), name)
            self.presenters[item_id] = name

        @rule()
        def close_and_start_again(self):
            self.she.window.close()
            window = make_window()
            window.show_tab(window.tabs.indexOf(window.notes_tab))
            self.she.window = window

        @invariant()
        def screen_state_store_and_typing_agree(self):
            STEPS_RUN.append(1)
            self.she.check()
            for item_id, name in self.presenters.items():
                assert self.she.window.session.agenda_item(item_id).presenter == name
                notes_tab = self.she.window.notes_tab
                if item_id == notes_tab.item_id and name and notes_tab.isVisible():
                    assert name in notes_tab.details.text()

    return SecretaryAtWork


def test_random_journeys_keep_every_word(qtbot, make_window, store):
    machine = _journey_machine(qtbot, make_window, store)
    machine.TestCase.settings = settings(
        max_examples=12,
        stateful_step_count=15,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    machine.TestCase().runTest()
    print(f"random journeys: {len(STEPS_RUN)} checked steps without a difference")
