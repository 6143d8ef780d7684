from datetime import date

from nextround.services.applications import add_application, get_application


def test_add_and_get(app):
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "Zoë's Café", "role_title": "TPM", "applied_on": date(2025, 5, 6)}
        )
    with app.uow() as uow:
        loaded = get_application(uow, created.id)
        assert loaded.company == "Zoë's Café"
        assert loaded.created_at == created.created_at
