; Inno Setup script for the Windows installer, made from PyInstaller's one-folder bundle
; (python packaging\build.py on Windows first). Installs per user: no admin rights needed
; on a municipal laptop.
#define AppName "Taskforce Verslag"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F1D3C52-9B7E-4E1A-A7C4-5D2B8E0F4A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Taskforce Verslag
DefaultDirName={localappdata}\Programs\TaskforceVerslag
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=TaskforceVerslag-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Files]
Source: "..\dist\taskforce-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\taskforce-desktop.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\taskforce-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Snelkoppeling op het bureaublad"; Flags: unchecked

[Registry]
; Double-clicking a .verslag.json meeting file opens it in the app (it is imported).
Root: HKCU; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "TaskforceVerslag.Meeting"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\TaskforceVerslag.Meeting"; ValueType: string; ValueData: "Vergaderbestand Taskforce Verslag"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\TaskforceVerslag.Meeting\shell\open\command"; ValueType: string; ValueData: """{app}\taskforce-desktop.exe"" ""%1"""

[Run]
Filename: "{app}\taskforce-desktop.exe"; Description: "{#AppName} starten"; Flags: nowait postinstall skipifsilent
